package org.marugoto.consultation.web;

import static org.marugoto.shared.web.FormValues.list;
import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.Channel;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsulterType;
import org.marugoto.consultation.FirstResponse;
import org.marugoto.consultation.Urgency;

/**
 * The intake form (相談受付票). The submission token is issued with the empty form and makes a resubmit harmless. Date
 * and time are as typed: 和暦 or 西暦 date, then HH:mm.
 */
public record ConsultationForm(
        UUID submissionToken,
        @Nullable UUID counterId,
        String receivedDate,
        String receivedTime,
        @NotNull @Nullable Channel channel,
        @NotNull @Nullable ConsulterType consulterType,
        @Size(max = 100) String consulterRelation,
        List<UUID> personIds,
        List<String> issueCodes,
        String mainIssueCode,
        @NotNull Urgency urgency,
        @Size(max = 4000) String ownWords,
        @Size(max = 4000) String wishes,
        @NotNull @Nullable ConsentStatus consentStatus,
        String consentDate,
        @Size(max = 500) String consentScope,
        @NotNull @Nullable FirstResponse firstResponse,
        @Nullable UUID referredAgencyId,
        @Size(max = 4000) String responseNote) {

    public ConsultationForm {
        submissionToken = orDefault(submissionToken, UUID.randomUUID());
        receivedDate = text(receivedDate);
        receivedTime = text(receivedTime);
        consulterRelation = text(consulterRelation);
        personIds = list(personIds);
        issueCodes = list(issueCodes);
        mainIssueCode = text(mainIssueCode);
        urgency = orDefault(urgency, Urgency.NORMAL);
        ownWords = text(ownWords);
        wishes = text(wishes);
        consentDate = text(consentDate);
        consentScope = text(consentScope);
        responseNote = text(responseNote);
    }

    /** The empty intake form: received now, at the user's first counter when they have one. */
    static ConsultationForm empty(String receivedDate, String receivedTime, @Nullable UUID counterId) {
        return new ConsultationForm(
                UUID.randomUUID(),
                counterId,
                receivedDate,
                receivedTime,
                null,
                null,
                "",
                List.of(),
                List.of(),
                "",
                Urgency.NORMAL,
                "",
                "",
                null,
                "",
                "",
                null,
                null,
                "");
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "ConsultationForm[…]";
    }
}
