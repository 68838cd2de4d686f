package org.marugoto.directory.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;
import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.CounterView;
import org.marugoto.directory.domain.CounterCommand;

/** The counter (相談窓口) form. */
public record CounterForm(
        @NotBlank @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{validation.code}")
        String code,

        @NotBlank @Size(max = 150) String name,
        @Nullable UUID areaId,
        @Size(max = 300) String address,

        @Size(max = 40) @Pattern(regexp = "^[0-9０-９()（）\\-－‐ ]*$", message = "{validation.phone}")
        String phone,

        @Size(max = 300) String hours,
        @Size(max = 200) String languages,
        @Size(max = 300) String accessibility,
        Boolean active,
        Integer version) {

    public CounterForm {
        version = orDefault(version, 0);
        code = text(code);
        name = text(name);
        address = text(address);
        phone = text(phone);
        hours = text(hours);
        languages = text(languages);
        accessibility = text(accessibility);
        active = orDefault(active, true);
    }

    /** The empty form for a new counter: active. */
    static CounterForm empty() {
        return new CounterForm("", "", null, "", "", "", "", "", true, 0);
    }

    static CounterForm of(CounterView view) {
        return new CounterForm(
                view.code(),
                view.name(),
                view.areaId(),
                orEmpty(view.address()),
                orEmpty(view.phone()),
                orEmpty(view.hours()),
                orEmpty(view.languages()),
                orEmpty(view.accessibility()),
                view.active(),
                view.version());
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

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "CounterForm[version=" + version + "]";
    }
}
