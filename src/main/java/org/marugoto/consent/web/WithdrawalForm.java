package org.marugoto.consent.web;

import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.marugoto.consent.ConsentMethod;

/** Withdrawing a consent: when the person said so, how, why, and the version the user saw. */
public record WithdrawalForm(
        Integer version,
        String withdrawnOn,
        @NotNull @Nullable ConsentMethod method,
        @Size(max = 1000) String reason,
        Boolean confirmed) {

    public WithdrawalForm {
        version = orDefault(version, 0);
        confirmed = orDefault(confirmed, false);
        withdrawnOn = text(withdrawnOn);
        reason = text(reason);
    }

    static WithdrawalForm empty(int version, String withdrawnOn) {
        return new WithdrawalForm(version, withdrawnOn, null, "", false);
    }

    WithdrawalForm withVersion(int newer) {
        return new WithdrawalForm(newer, withdrawnOn, method, reason, confirmed);
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "WithdrawalForm[version=" + version + "]";
    }
}
