package org.marugoto.outreach.web;

import org.jspecify.annotations.Nullable;

/**
 * The few details that register the person a volunteer's concern is about when nobody has registered them yet: names,
 * their reading, sex as stated, birth date if known and where they live. Sent with the outreach form.
 */
record NewPersonForm(
        String newFamilyName,
        String newGivenName,
        String newFamilyNameKana,
        String newGivenNameKana,
        String newSex,
        String newBirthDate,
        String newAddress) {

    NewPersonForm(
            @Nullable String newFamilyName,
            @Nullable String newGivenName,
            @Nullable String newFamilyNameKana,
            @Nullable String newGivenNameKana,
            @Nullable String newSex,
            @Nullable String newBirthDate,
            @Nullable String newAddress) {
        this.newFamilyName = OutreachForm.text(newFamilyName);
        this.newGivenName = OutreachForm.text(newGivenName);
        this.newFamilyNameKana = OutreachForm.text(newFamilyNameKana);
        this.newGivenNameKana = OutreachForm.text(newGivenNameKana);
        this.newSex = newSex == null || newSex.isBlank() ? "NOT_STATED" : newSex;
        this.newBirthDate = OutreachForm.text(newBirthDate);
        this.newAddress = OutreachForm.text(newAddress);
    }

    /** An empty form, the address taken from where the volunteer said the person lives. */
    static NewPersonForm at(@Nullable String location) {
        return new NewPersonForm(null, null, null, null, null, null, location);
    }

    /** Never prints what was typed. */
    @Override
    public String toString() {
        return "NewPersonForm";
    }
}
