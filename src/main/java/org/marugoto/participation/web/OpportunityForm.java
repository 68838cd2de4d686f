package org.marugoto.participation.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.marugoto.participation.OpportunityView;

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
        String cost,
        String version) {

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
            @Nullable String cost,
            @Nullable String version) {
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
        this.version = ProfileForm.text(version);
    }

    static OpportunityForm empty() {
        return new OpportunityForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The form as the opportunity is now, with the version the user sees. */
    static OpportunityForm of(OpportunityView o) {
        return new OpportunityForm(
                o.hostAgencyId().toString(),
                o.title(),
                o.kind().name(),
                o.description(),
                o.areaId() == null ? null : o.areaId().toString(),
                o.daysHours(),
                o.capacity() == null ? null : o.capacity().toString(),
                o.hostOffers().stream().map(Enum::name).toList(),
                o.interests().stream().map(Enum::name).toList(),
                o.accessibility(),
                o.ageMin() == null ? null : o.ageMin().toString(),
                o.ageMax() == null ? null : o.ageMax().toString(),
                o.cost(),
                String.valueOf(o.version()));
    }
}
