package org.marugoto.statistics.domain;

import org.marugoto.shared.CountScope;

/**
 * A scope to choose on the report page: its code for URLs ({@code city}, {@code area:<id>}, {@code agency:<id>}),
 * its label, and what it counts.
 */
public record ScopeChoice(String code, String label, CountScope scope) {

    public boolean byArea() {
        return scope.byArea();
    }

    public boolean byAgency() {
        return scope.agencyId() != null;
    }
}
