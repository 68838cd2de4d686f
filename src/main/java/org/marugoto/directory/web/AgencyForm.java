package org.marugoto.directory.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.AgencyKind;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.domain.AgencyCommand;

/** The agency form. */
public class AgencyForm {

    @NotBlank
    @Size(max = 40)
    @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{validation.code}")
    private String code = "";

    @NotBlank
    @Size(max = 150)
    private String name = "";

    @Size(max = 300)
    @Pattern(regexp = "^[\\p{IsHiragana}\\p{IsKatakana}ー・\\s　]*$", message = "{validation.kana}")
    private String nameKana = "";

    @NotNull
    private @Nullable AgencyKind kind;

    private @Nullable UUID areaId;

    @Size(max = 300)
    private String address = "";

    @Size(max = 40)
    @Pattern(regexp = "^[0-9０-９()（）\\-－‐ ]*$", message = "{validation.phone}")
    private String phone = "";

    @Email
    @Size(max = 200)
    private String email = "";

    @Size(max = 2000)
    private String description = "";

    private boolean acceptsReferrals = true;

    private boolean active = true;

    private int version;

    static AgencyForm of(AgencyView view) {
        AgencyForm form = new AgencyForm();
        form.code = view.code();
        form.name = view.name();
        form.nameKana = orEmpty(view.nameKana());
        form.kind = view.kind();
        form.areaId = view.areaId();
        form.address = orEmpty(view.address());
        form.phone = orEmpty(view.phone());
        form.email = orEmpty(view.email());
        form.description = orEmpty(view.description());
        form.acceptsReferrals = view.acceptsReferrals();
        form.active = view.active();
        form.version = view.version();
        return form;
    }

    AgencyCommand command() {
        return new AgencyCommand(
                code.strip(),
                name.strip(),
                blankToNull(nameKana),
                kind,
                areaId,
                blankToNull(address),
                blankToNull(phone),
                blankToNull(email),
                blankToNull(description),
                acceptsReferrals,
                active);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = orEmpty(code);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = orEmpty(name);
    }

    public String getNameKana() {
        return nameKana;
    }

    public void setNameKana(String nameKana) {
        this.nameKana = orEmpty(nameKana);
    }

    public @Nullable AgencyKind getKind() {
        return kind;
    }

    public void setKind(@Nullable AgencyKind kind) {
        this.kind = kind;
    }

    public @Nullable UUID getAreaId() {
        return areaId;
    }

    public void setAreaId(@Nullable UUID areaId) {
        this.areaId = areaId;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = orEmpty(address);
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = orEmpty(phone);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = orEmpty(email);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = orEmpty(description);
    }

    public boolean isAcceptsReferrals() {
        return acceptsReferrals;
    }

    public void setAcceptsReferrals(boolean acceptsReferrals) {
        this.acceptsReferrals = acceptsReferrals;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
