package org.marugoto.outreach.web;

import org.jspecify.annotations.Nullable;

/** One attempt as typed at the door (date and time in Japan time). */
record AttemptForm(
        String token,
        String date,
        String time,
        String method,
        String whoWent,
        String outcome,
        String learned,
        String nextStep,
        String nextContactOn) {

    AttemptForm(
            @Nullable String token,
            @Nullable String date,
            @Nullable String time,
            @Nullable String method,
            @Nullable String whoWent,
            @Nullable String outcome,
            @Nullable String learned,
            @Nullable String nextStep,
            @Nullable String nextContactOn) {
        this.token = OutreachForm.text(token);
        this.date = OutreachForm.text(date);
        this.time = OutreachForm.text(time);
        this.method = OutreachForm.text(method);
        this.whoWent = OutreachForm.text(whoWent);
        this.outcome = OutreachForm.text(outcome);
        this.learned = OutreachForm.text(learned);
        this.nextStep = OutreachForm.text(nextStep);
        this.nextContactOn = OutreachForm.text(nextContactOn);
    }

    @Override
    public String toString() {
        return "AttemptForm[" + method + "]";
    }
}
