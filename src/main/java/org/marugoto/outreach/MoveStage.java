package org.marugoto.outreach;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Moving the engagement to another stage on a date; an ENDED stage needs the reason, a CONNECTED one where to. Moving
 * a closed record to an OPEN stage reopens it, keeping its history.
 */
public record MoveStage(
        int seenVersion,
        String toStage,
        LocalDate changedOn,
        @Nullable EndReason endReason,
        @Nullable ConnectedTo connectedTo,
        @Nullable String note) {}
