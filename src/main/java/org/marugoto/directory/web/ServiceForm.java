package org.marugoto.directory.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.ServiceLanguage;
import org.marugoto.directory.ServiceView;
import org.marugoto.directory.domain.ServiceCommand;

/** The service form. */
public class ServiceForm {

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

    @Size(max = 2000)
    private String description = "";

    @NotEmpty(message = "{directory.error.noIssue}")
    private List<String> issueCodes = new ArrayList<>();

    @Min(0)
    @Max(130)
    private @Nullable Integer minAge;

    @Min(0)
    @Max(130)
    private @Nullable Integer maxAge;

    private List<UUID> areaIds = new ArrayList<>();

    private List<ServiceLanguage> languages = new ArrayList<>();

    @Size(max = 300)
    private String hours = "";

    @Size(max = 300)
    private String fees = "";

    @Size(max = 300)
    private String accessibility = "";

    @Size(max = 40)
    @Pattern(regexp = "^[0-9０-９()（）\\-－‐ ]*$", message = "{validation.phone}")
    private String phone = "";

    @Email
    @Size(max = 200)
    private String email = "";

    private List<UUID> counterIds = new ArrayList<>();

    private boolean acceptsReferrals = true;

    private boolean active = true;

    private int version;

    static ServiceForm of(ServiceView view) {
        ServiceForm form = new ServiceForm();
        form.code = view.code();
        form.name = view.name();
        form.nameKana = orEmpty(view.nameKana());
        form.description = orEmpty(view.description());
        form.issueCodes = new ArrayList<>(view.issueCodes());
        form.minAge = view.minAge();
        form.maxAge = view.maxAge();
        form.areaIds = new ArrayList<>(view.areaIds());
        form.languages = new ArrayList<>(view.languages());
        form.hours = orEmpty(view.hours());
        form.fees = orEmpty(view.fees());
        form.accessibility = orEmpty(view.accessibility());
        form.phone = orEmpty(view.phone());
        form.email = orEmpty(view.email());
        form.counterIds = new ArrayList<>(view.counterIds());
        form.acceptsReferrals = view.acceptsReferrals();
        form.active = view.active();
        form.version = view.version();
        return form;
    }

    ServiceCommand command() {
        return new ServiceCommand(
                code.strip(),
                name.strip(),
                blankToNull(nameKana),
                blankToNull(description),
                issueCodes.stream().distinct().toList(),
                minAge,
                maxAge,
                areaIds.stream().distinct().toList(),
                languages.stream().distinct().toList(),
                blankToNull(hours),
                blankToNull(fees),
                blankToNull(accessibility),
                blankToNull(phone),
                blankToNull(email),
                counterIds.stream().distinct().toList(),
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = orEmpty(description);
    }

    public List<String> getIssueCodes() {
        return issueCodes;
    }

    public void setIssueCodes(@Nullable List<String> issueCodes) {
        this.issueCodes = issueCodes == null ? new ArrayList<>() : issueCodes;
    }

    public @Nullable Integer getMinAge() {
        return minAge;
    }

    public void setMinAge(@Nullable Integer minAge) {
        this.minAge = minAge;
    }

    public @Nullable Integer getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(@Nullable Integer maxAge) {
        this.maxAge = maxAge;
    }

    public List<UUID> getAreaIds() {
        return areaIds;
    }

    public void setAreaIds(@Nullable List<UUID> areaIds) {
        this.areaIds = areaIds == null ? new ArrayList<>() : areaIds;
    }

    public List<ServiceLanguage> getLanguages() {
        return languages;
    }

    public void setLanguages(@Nullable List<ServiceLanguage> languages) {
        this.languages = languages == null ? new ArrayList<>() : languages;
    }

    public String getHours() {
        return hours;
    }

    public void setHours(String hours) {
        this.hours = orEmpty(hours);
    }

    public String getFees() {
        return fees;
    }

    public void setFees(String fees) {
        this.fees = orEmpty(fees);
    }

    public String getAccessibility() {
        return accessibility;
    }

    public void setAccessibility(String accessibility) {
        this.accessibility = orEmpty(accessibility);
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

    public List<UUID> getCounterIds() {
        return counterIds;
    }

    public void setCounterIds(@Nullable List<UUID> counterIds) {
        this.counterIds = counterIds == null ? new ArrayList<>() : counterIds;
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
