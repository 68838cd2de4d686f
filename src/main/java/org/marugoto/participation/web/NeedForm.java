package org.marugoto.participation.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A need nothing met: what, of which kind, where, for whom (in general words), which issues. */
record NeedForm(String what, String kind, String areaId, String forWhom, List<String> issueCodes) {

    NeedForm(
            @Nullable String what,
            @Nullable String kind,
            @Nullable String areaId,
            @Nullable String forWhom,
            @Nullable List<String> issueCodes) {
        this.what = ProfileForm.text(what);
        this.kind = ProfileForm.text(kind);
        this.areaId = ProfileForm.text(areaId);
        this.forWhom = ProfileForm.text(forWhom);
        this.issueCodes = ProfileForm.list(issueCodes);
    }
}
