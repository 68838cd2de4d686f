package org.marugoto.directory.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.CounterView;
import org.marugoto.directory.domain.CounterCommand;

/** The counter (相談窓口) form. */
public class CounterForm {

    @NotBlank
    @Size(max = 40)
    @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{validation.code}")
    private String code = "";

    @NotBlank
    @Size(max = 150)
    private String name = "";

    private @Nullable UUID areaId;

    @Size(max = 300)
    private String address = "";

    @Size(max = 40)
    @Pattern(regexp = "^[0-9０-９()（）\\-－‐ ]*$", message = "{validation.phone}")
    private String phone = "";

    @Size(max = 300)
    private String hours = "";

    @Size(max = 200)
    private String languages = "";

    @Size(max = 300)
    private String accessibility = "";

    private boolean active = true;

    private int version;

    static CounterForm of(CounterView view) {
        CounterForm form = new CounterForm();
        form.code = view.code();
        form.name = view.name();
        form.areaId = view.areaId();
        form.address = orEmpty(view.address());
        form.phone = orEmpty(view.phone());
        form.hours = orEmpty(view.hours());
        form.languages = orEmpty(view.languages());
        form.accessibility = orEmpty(view.accessibility());
        form.active = view.active();
        form.version = view.version();
        return form;
    }

    CounterCommand command() {
        return new CounterCommand(
                code.strip(),
                name.strip(),
                areaId,
                blankToNull(address),
                blankToNull(phone),
                blankToNull(hours),
                blankToNull(languages),
                blankToNull(accessibility),
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

    public String getHours() {
        return hours;
    }

    public void setHours(String hours) {
        this.hours = orEmpty(hours);
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = orEmpty(languages);
    }

    public String getAccessibility() {
        return accessibility;
    }

    public void setAccessibility(String accessibility) {
        this.accessibility = orEmpty(accessibility);
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
