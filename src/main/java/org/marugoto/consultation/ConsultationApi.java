package org.marugoto.consultation;

import java.util.Map;
import java.util.UUID;

/** What other modules may ask about consultations. Reads are access-checked and audited. */
public interface ConsultationApi {

    /** One consultation, after checking and auditing that the current user may read it. */
    ConsultationView get(UUID id);

    /** The municipality's issue code list by code, for display. */
    Map<String, IssueCodeView> issueCodesByCode();
}
