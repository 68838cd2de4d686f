package org.marugoto.directory.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.AgencyKind;

/**
 * What a staff member looks for in the directory; every part is optional and the parts combine with "and".
 *
 * @param text words that must each appear in the service's or its agency's name, reading, description or address,
 *     or in the names of the issues the service handles
 * @param kind the agency's kind
 * @param issueCode a code of the issue code list that the service handles
 * @param areaId an area the service serves: it lists the area or one of its ancestors, or lists none (the whole
 *     municipality)
 * @param age an age within the service's age range
 */
public record DirectoryQuery(
        @Nullable String text,
        @Nullable AgencyKind kind,
        @Nullable String issueCode,
        @Nullable UUID areaId,
        @Nullable Integer age) {

    public static DirectoryQuery all() {
        return new DirectoryQuery(null, null, null, null, null);
    }

    /** True when the query says something about the service itself, so that only agencies with one match. */
    boolean asksForService() {
        return issueCode != null || areaId != null || age != null;
    }
}
