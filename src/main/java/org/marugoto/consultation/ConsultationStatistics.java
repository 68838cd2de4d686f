package org.marugoto.consultation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.marugoto.shared.CountScope;

/**
 * Counts of consultations for community statistics (地域生活課題): no person, household or record is named, and the
 * caller must hide small counts before showing them.
 */
public interface ConsultationStatistics {

    /**
     * How many consultations were received, from {@code from} to {@code to} (inclusive, Japan time), about households
     * registered in one of the areas, by issue code (a consultation with two issues counts for both).
     */
    Map<String, Long> consultationsByIssue(Collection<UUID> areaIds, LocalDate from, LocalDate to);

    /** How many consultations (whatever their issues) were received in the period about households in the areas. */
    long consultations(Collection<UUID> areaIds, LocalDate from, LocalDate to);

    /** What consultations are counted by in {@link #consultationsBy}. */
    enum By {
        /** the issue code (a consultation with two issues counts for both) */
        ISSUE,
        /** the channel ({@code Channel} name) */
        CHANNEL,
        /** the agency that received it (its id) */
        AGENCY,
        /** the household's registered area (its id, "" when none) */
        AREA,
        /** who consulted ({@code ConsulterType} name) */
        CONSULTER_TYPE,
        /** the first response at the counter ({@code FirstResponse} name) */
        FIRST_RESPONSE,
        /**
         * the sex of the persons the consultation is about ({@code Sex} name; NONE when it names no person): a
         * consultation about two persons of different sexes counts for both
         */
        SEX,
        /**
         * the age group of the persons it is about on the day it was received ({@link #AGE_GROUPS}; UNKNOWN without
         * a birth date, NONE when it names no person). An approximate date of birth counts at its best estimate: a
         * year and month on the 15th, a year on 1 July, a year estimated from an age on 1 January (decision 0034).
         */
        AGE_GROUP,
        /**
         * of the {@link #AGE_GROUP} counts, those that come from an approximate date of birth only: a consultation
         * under an age group that no person with an exact date of birth put it in
         */
        AGE_GROUP_ESTIMATED
    }

    /** The age groups of {@link By#AGE_GROUP}, youngest first, then the keys for no birth date and no person. */
    java.util.List<String> AGE_GROUPS = java.util.List.of("0-17", "18-39", "40-64", "65-74", "75-", "UNKNOWN", "NONE");

    /**
     * How many consultations were received from {@code from} to {@code to} (inclusive, Japan time) in the scope, by
     * the key {@code by} names, largest first. The caller hides small counts where the scope is an area.
     */
    Map<String, Long> consultationsBy(By by, CountScope scope, LocalDate from, LocalDate to);

    /**
     * Households with a consultation received in the period in the scope, and of them those whose consultations of the
     * period name two or more different issue codes (複合的な課題).
     */
    HouseholdIssues householdsWithIssues(CountScope scope, LocalDate from, LocalDate to);

    /** Households consulted about, and of them those with several issues. */
    record HouseholdIssues(long households, long withSeveralIssues) {}
}
