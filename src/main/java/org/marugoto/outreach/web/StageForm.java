package org.marugoto.outreach.web;

import org.jspecify.annotations.Nullable;

/** Moving the engagement to another stage, with the version of the record the user saw. */
record StageForm(String version, String toStage, String changedOn, String endReason, String connectedTo, String note) {

    StageForm(
            @Nullable String version,
            @Nullable String toStage,
            @Nullable String changedOn,
            @Nullable String endReason,
            @Nullable String connectedTo,
            @Nullable String note) {
        this.version = OutreachForm.text(version);
        this.toStage = OutreachForm.text(toStage);
        this.changedOn = OutreachForm.text(changedOn);
        this.endReason = OutreachForm.text(endReason);
        this.connectedTo = OutreachForm.text(connectedTo);
        this.note = OutreachForm.text(note);
    }
}
