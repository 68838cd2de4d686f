package org.marugoto.access.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;
import static org.marugoto.shared.web.FormValues.validated;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Role;
import org.marugoto.access.StaffView;
import org.marugoto.access.domain.StaffCommand;

/** The staff account form. Username and initial password are asked only when the account is created. */
public record StaffForm(
        String username,
        @NotBlank @Size(max = 100) String displayName,

        @Size(max = 200) @Pattern(regexp = "^[\\p{IsHiragana}\\p{IsKatakana}ー・\\s　]*$", message = "{validation.kana}")
        String displayNameKana,

        @Email @Size(max = 200) String email,
        @NotNull @Nullable UUID agencyId,
        Set<Role> roles,
        Boolean enabled,
        String password,
        Integer version) {

    public StaffForm {
        version = orDefault(version, 0);
        username = text(username).strip();
        displayName = text(displayName);
        displayNameKana = text(displayNameKana);
        email = text(email).strip();
        roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        enabled = orDefault(enabled, true);
        password = text(password);
    }

    /** The empty form for a new account: enabled, no roles yet. */
    static StaffForm empty() {
        return new StaffForm("", "", "", "", null, Set.of(), true, "", 0);
    }

    static StaffForm of(StaffView view) {
        return new StaffForm(
                view.username(),
                view.displayName(),
                text(view.displayNameKana()),
                text(view.email()),
                view.agencyId(),
                view.roles(),
                view.enabled(),
                "",
                view.version());
    }

    StaffCommand command() {
        return new StaffCommand(
                displayName.strip(),
                blankToNull(displayNameKana),
                blankToNull(email),
                validated(agencyId, "agencyId"),
                roles,
                enabled);
    }

    /** The password is never printed. */
    @Override
    public String toString() {
        return "StaffForm[username=" + username + ", version=" + version + "]";
    }
}
