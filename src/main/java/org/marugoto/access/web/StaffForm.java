package org.marugoto.access.web;

import static org.marugoto.shared.text.Texts.blankToNull;

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
public class StaffForm {

    private String username = "";

    @NotBlank
    @Size(max = 100)
    private String displayName = "";

    @Size(max = 200)
    @Pattern(regexp = "^[\\p{IsHiragana}\\p{IsKatakana}ー・\\s　]*$", message = "{validation.kana}")
    private String displayNameKana = "";

    @Email
    @Size(max = 200)
    private String email = "";

    @NotNull
    private @Nullable UUID agencyId;

    private Set<Role> roles = EnumSet.noneOf(Role.class);

    private boolean enabled = true;

    private String password = "";

    private int version;

    static StaffForm of(StaffView view) {
        StaffForm form = new StaffForm();
        form.username = view.username();
        form.displayName = view.displayName();
        form.displayNameKana = view.displayNameKana() == null ? "" : view.displayNameKana();
        form.email = view.email() == null ? "" : view.email();
        form.agencyId = view.agencyId();
        form.roles = view.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(view.roles());
        form.enabled = view.enabled();
        form.version = view.version();
        return form;
    }

    StaffCommand command() {
        return new StaffCommand(
                displayName.strip(), blankToNull(displayNameKana), blankToNull(email), agencyId, roles, enabled);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username.strip();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? "" : displayName;
    }

    public String getDisplayNameKana() {
        return displayNameKana;
    }

    public void setDisplayNameKana(String displayNameKana) {
        this.displayNameKana = displayNameKana == null ? "" : displayNameKana;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email.strip();
    }

    public @Nullable UUID getAgencyId() {
        return agencyId;
    }

    public void setAgencyId(@Nullable UUID agencyId) {
        this.agencyId = agencyId;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(@Nullable Set<Role> roles) {
        this.roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
