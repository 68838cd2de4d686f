package org.marugoto.participation.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A new role or place as typed; numbers stay text until the controller reads them. */
record OpportunityForm(
        String hostAgencyId,
        String title,
        String kind,
        String description,
        String areaId,
        String daysHours,
        String capacity,
        List<String> hostOffers,
        List<String> interests,
        String accessibility,
        String ageMin,
        String ageMax,
        String cost) {

    OpportunityForm(
            @Nullable String hostAgencyId,
            @Nullable String title,
            @Nullable String kind,
            @Nullable String description,
            @Nullable String areaId,
            @Nullable String daysHours,
            @Nullable String capacity,
            @Nullable List<String> hostOffers,
            @Nullable List<String> interests,
            @Nullable String accessibility,
            @Nullable String ageMin,
            @Nullable String ageMax,
            @Nullable String cost) {
        this.hostAgencyId = ProfileForm.text(hostAgencyId);
        this.title = ProfileForm.text(title);
        this.kind = ProfileForm.text(kind);
        this.description = ProfileForm.text(description);
        this.areaId = ProfileForm.text(areaId);
        this.daysHours = ProfileForm.text(daysHours);
        this.capacity = ProfileForm.text(capacity);
        this.hostOffers = ProfileForm.list(hostOffers);
        this.interests = ProfileForm.list(interests);
        this.accessibility = ProfileForm.text(accessibility);
        this.ageMin = ProfileForm.text(ageMin);
        this.ageMax = ProfileForm.text(ageMax);
        this.cost = ProfileForm.text(cost);
    }
}
