package org.marugoto.shared;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a statistic is counted: the whole city, the households registered in some areas, or the records of one
 * agency. The modules' count-only query APIs (consultation, casework, referral, outreach, participation) take it, so
 * that every report counts the same way. Counts by area leave out households with a person under protection
 * (支援措置, also a past member): a count that changes with them could tell where they live.
 */
public record CountScope(
        @Nullable List<UUID> areaIds, @Nullable UUID agencyId) {

    /**
     * The condition that leaves out households with a protected (past) member; the household must be joined as
     * {@code h}.
     */
    public static final String NOT_PROTECTED = """
            not exists (select 1 from household_member hm join person p
                on p.municipality_id = hm.municipality_id and p.id = hm.person_id
                where hm.municipality_id = h.municipality_id and hm.household_id = h.id and p.protected)""";

    public CountScope {
        areaIds = areaIds == null ? null : List.copyOf(areaIds);
    }

    public static CountScope city() {
        return new CountScope(null, null);
    }

    public static CountScope areas(Collection<UUID> areaIds) {
        return new CountScope(List.copyOf(areaIds), null);
    }

    public static CountScope agency(UUID agencyId) {
        return new CountScope(null, agencyId);
    }

    /** Whether the counts are by area (then small counts must be hidden by whoever shows them). */
    public boolean byArea() {
        return areaIds != null;
    }

    /**
     * The SQL condition for this scope: the household joined as {@code h}, the agency whose records count in
     * {@code agencyColumns} (a record counts for the agency when any of them is the agency).
     */
    public String where(String... agencyColumns) {
        if (areaIds != null) {
            return areaIds.isEmpty() ? "false" : "(h.area_id in (:areas) and " + NOT_PROTECTED + ")";
        }
        if (agencyId != null) {
            return "(" + String.join(" = :agency or ", agencyColumns) + " = :agency)";
        }
        return "true";
    }

    /** Binds the parameters {@link #where} uses. */
    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        JdbcClient.StatementSpec s = statement;
        if (areaIds != null && !areaIds.isEmpty()) {
            s = s.param("areas", areaIds);
        }
        if (areaIds == null && agencyId != null) {
            s = s.param("agency", agencyId);
        }
        return s;
    }

    /** The start of the first day, Japan time. */
    public static Timestamp start(LocalDate from) {
        return Timestamp.from(from.atStartOfDay(Japan.ZONE).toInstant());
    }

    /** The start of the day after the last day, Japan time (an exclusive bound). */
    public static Timestamp end(LocalDate to) {
        return Timestamp.from(to.plusDays(1).atStartOfDay(Japan.ZONE).toInstant());
    }
}
