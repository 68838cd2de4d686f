package org.marugoto.consent.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.marugoto.consent.ConsentMethod;

/** Withdrawing a consent: when the person said so, how, why, and the version the user saw. */
public class WithdrawalForm {

    private int version;
    private String withdrawnOn = "";

    @NotNull
    private @Nullable ConsentMethod method;

    @Size(max = 1000)
    private String reason = "";

    private boolean confirmed;

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    public String getWithdrawnOn() {
        return withdrawnOn;
    }

    public void setWithdrawnOn(@Nullable String withdrawnOn) {
        this.withdrawnOn = withdrawnOn == null ? "" : withdrawnOn;
    }

    public @Nullable ConsentMethod getMethod() {
        return method;
    }

    public void setMethod(@Nullable ConsentMethod method) {
        this.method = method;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(@Nullable String reason) {
        this.reason = reason == null ? "" : reason;
    }

    public boolean isConfirmed() {
        return confirmed;
    }

    public void setConfirmed(boolean confirmed) {
        this.confirmed = confirmed;
    }
}
