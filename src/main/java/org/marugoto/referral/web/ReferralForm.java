package org.marugoto.referral.web;

import static org.marugoto.shared.web.FormValues.list;
import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.Urgency;

/**
 * The referral form (つなぎ票). The submission token is issued with the empty form: a second submit of it answers with
 * the first referral.
 */
public record ReferralForm(
        UUID submissionToken,
        @Nullable UUID consultationId,
        @NotNull @Nullable UUID toAgencyId,
        @Nullable UUID toCounterId,
        List<UUID> personIds,
        List<String> issueCodes,
        @NotNull Urgency urgency,
        @NotBlank @Size(max = 500) String summary,
        @Size(max = 4000) String reason,
        @Size(max = 4000) String tried,
        @NotNull @Nullable ConsentStatus consentStatus,
        @Size(max = 500) String consentScope,
        String desiredResponseDate) {

    public ReferralForm {
        submissionToken = orDefault(submissionToken, UUID.randomUUID());
        personIds = list(personIds);
        issueCodes = list(issueCodes);
        urgency = orDefault(urgency, Urgency.NORMAL);
        summary = text(summary);
        reason = text(reason);
        tried = text(tried);
        consentScope = text(consentScope);
        desiredResponseDate = text(desiredResponseDate);
    }

    /** The empty form, with a fresh submission token and the date a response is wished for. */
    static ReferralForm empty(String desiredResponseDate) {
        return new ReferralForm(
                UUID.randomUUID(),
                null,
                null,
                null,
                List.of(),
                List.of(),
                Urgency.NORMAL,
                "",
                "",
                "",
                null,
                "",
                desiredResponseDate);
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "ReferralForm[…]";
    }
}
