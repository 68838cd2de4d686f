package org.marugoto.outreach.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The form that opens an outreach record, as typed: ids and dates stay text until the controller reads them, so that
 * bad input comes back as a message at its field. Key persons are three parallel lists (name, relation, note).
 */
record OutreachForm(
        String token,
        String householdId,
        List<String> personIds,
        String source,
        String sourceDetail,
        String origin,
        String originId,
        List<String> issueCodes,
        String worry,
        String firstConcernOn,
        String leadAccountId,
        List<String> involvedAgencyIds,
        String involvedNote,
        List<String> keyName,
        List<String> keyRelation,
        List<String> keyNote) {

    static final int KEY_PERSON_ROWS = 3;

    OutreachForm(
            @Nullable String token,
            @Nullable String householdId,
            @Nullable List<String> personIds,
            @Nullable String source,
            @Nullable String sourceDetail,
            @Nullable String origin,
            @Nullable String originId,
            @Nullable List<String> issueCodes,
            @Nullable String worry,
            @Nullable String firstConcernOn,
            @Nullable String leadAccountId,
            @Nullable List<String> involvedAgencyIds,
            @Nullable String involvedNote,
            @Nullable List<String> keyName,
            @Nullable List<String> keyRelation,
            @Nullable List<String> keyNote) {
        this.token = text(token);
        this.householdId = text(householdId);
        this.personIds = list(personIds);
        this.source = text(source);
        this.sourceDetail = text(sourceDetail);
        this.origin = origin == null || origin.isBlank() ? "DIRECT" : origin;
        this.originId = text(originId);
        this.issueCodes = list(issueCodes);
        this.worry = text(worry);
        this.firstConcernOn = text(firstConcernOn);
        this.leadAccountId = text(leadAccountId);
        this.involvedAgencyIds = list(involvedAgencyIds);
        this.involvedNote = text(involvedNote);
        this.keyName = rows(keyName);
        this.keyRelation = rows(keyRelation);
        this.keyNote = rows(keyNote);
    }

    static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    static List<String> list(@Nullable List<String> l) {
        return l == null
                ? List.of()
                : l.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    /** Key-person rows keep their positions (an empty name in row 2 is still row 2), padded to the rows shown. */
    static List<String> rows(@Nullable List<String> l) {
        java.util.List<String> padded = new java.util.ArrayList<>();
        if (l != null) {
            l.forEach(s -> padded.add(s == null ? "" : s));
        }
        while (padded.size() < KEY_PERSON_ROWS) {
            padded.add("");
        }
        return List.copyOf(padded);
    }

    @Override
    public String toString() {
        return "OutreachForm[" + householdId + "]";
    }
}
