package org.marugoto.people;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A part of the household page (世帯の全体像) contributed by another module, e.g. the consultations recorded about
 * the household. The people module renders every section bean it finds, in {@link #order()}, so that it never
 * depends on the modules that add to the page.
 */
public interface HouseholdSection {

    /** Thymeleaf fragment to render, e.g. {@code consultation/household :: section}. */
    String fragment();

    int order();

    /** The section's model and timeline entries, read for the current user (reads are checked and audited). */
    Contribution contribute(UUID householdId);

    /** What a section adds to the page: the model of its fragment and its entries on the household timeline. */
    record Contribution(Map<String, Object> model, List<TimelineEntry> timeline) {}
}
