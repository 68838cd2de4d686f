package org.marugoto.access.web;

import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.NotBlank;

/** Changing one's own password. */
public record PasswordForm(
        @NotBlank String currentPassword,
        @NotBlank String newPassword,
        @NotBlank String confirmPassword) {

    public PasswordForm {
        currentPassword = text(currentPassword);
        newPassword = text(newPassword);
        confirmPassword = text(confirmPassword);
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "PasswordForm[…]";
    }
}
