package org.marugoto.participation.web;

import org.jspecify.annotations.Nullable;

/** The next step of a match, with who accompanied, host support, a note and the next follow-up. */
record StepForm(
        String version,
        String to,
        String on,
        String accompaniedBy,
        String hostSupport,
        String note,
        String followUpOn,
        String endReason) {

    StepForm(
            @Nullable String version,
            @Nullable String to,
            @Nullable String on,
            @Nullable String accompaniedBy,
            @Nullable String hostSupport,
            @Nullable String note,
            @Nullable String followUpOn,
            @Nullable String endReason) {
        this.version = ProfileForm.text(version);
        this.to = ProfileForm.text(to);
        this.on = ProfileForm.text(on);
        this.accompaniedBy = ProfileForm.text(accompaniedBy);
        this.hostSupport = ProfileForm.text(hostSupport);
        this.note = ProfileForm.text(note);
        this.followUpOn = ProfileForm.text(followUpOn);
        this.endReason = ProfileForm.text(endReason);
    }
}
