package org.marugoto.community.domain;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaView;
import org.marugoto.area.PopulationView;

/**
 * An area's indicators beside the city's, for a period: residents, households, published places and activities per
 * 1,000 residents, consultations per 1,000 residents; and the counts by issue code (small ones hidden). The residents
 * are those of the imported population table on or before the period's end when there is one ({@code table}, with the
 * ageing rate and single-elderly households), else the population typed on the area.
 */
public record AreaFigures(
        AreaView area,
        LocalDate from,
        LocalDate to,
        @Nullable Integer population,
        @Nullable Integer households,
        int places,
        @Nullable Double placesPerThousand,
        @Nullable Double cityPlacesPerThousand,
        @Nullable Long consultations,
        @Nullable Double consultationsPerThousand,
        @Nullable Double cityConsultationsPerThousand,
        List<CommunityIssue.Evidence> evidence,
        @Nullable PopulationView table,
        @Nullable PopulationView cityTable) {

    /** Counts below this are shown as "fewer than 5" and never stored. */
    public static final int SMALL = 5;

    public static @Nullable Long hideSmall(long count) {
        return count < SMALL ? null : count;
    }
}
