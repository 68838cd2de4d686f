package org.marugoto.outreach.domain;

import java.util.UUID;
import org.marugoto.casework.CaseOpened;
import org.marugoto.casework.CaseOrigin;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A 多機関協働 case opened from an outreach record moves the record to つないだ (a case). Runs in the case's opening
 * transaction (a plain, synchronous listener, as referrals from intake do), so a record that is not the household's
 * or that the user may not change refuses the opening, and a case and its record's stage are saved together or not at
 * all. See docs/decisions/0020-outreach.md.
 */
@Component
class OutreachToCase {

    private final OutreachService outreach;

    OutreachToCase(OutreachService outreach) {
        this.outreach = outreach;
    }

    @EventListener
    void on(CaseOpened opened) {
        UUID record = opened.originId();
        if (opened.origin() == CaseOrigin.OUTREACH && record != null) {
            outreach.connectToCase(record, opened.householdId(), opened.caseNumber());
        }
    }
}
