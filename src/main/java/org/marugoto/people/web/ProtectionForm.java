package org.marugoto.people.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.people.ProtectionKind;

/** Marking a person as protected (支援措置). Dates are typed in 和暦 or 西暦 and read by {@code DateInput}. */
public class ProtectionForm {

    @NotNull
    private @Nullable ProtectionKind kind;

    @NotBlank
    private String validFrom = "";

    private String validUntil = "";

    @NotBlank
    @Size(max = 200)
    private String requestingOffice = "";

    @Size(max = 2000)
    private String note = "";

    private List<UUID> memberPersonIds = new ArrayList<>();

    public @Nullable ProtectionKind getKind() {
        return kind;
    }

    public void setKind(@Nullable ProtectionKind kind) {
        this.kind = kind;
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(String validFrom) {
        this.validFrom = validFrom;
    }

    public String getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(String validUntil) {
        this.validUntil = validUntil;
    }

    public String getRequestingOffice() {
        return requestingOffice;
    }

    public void setRequestingOffice(String requestingOffice) {
        this.requestingOffice = requestingOffice;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<UUID> getMemberPersonIds() {
        return memberPersonIds;
    }

    public void setMemberPersonIds(List<UUID> memberPersonIds) {
        this.memberPersonIds = memberPersonIds;
    }

    /** The note may say where the person is: never printed. */
    @Override
    public String toString() {
        return "ProtectionForm[kind=" + kind + "]";
    }
}
