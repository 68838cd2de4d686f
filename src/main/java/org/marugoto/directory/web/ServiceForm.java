package org.marugoto.directory.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;
import static org.marugoto.shared.web.FormValues.list;
import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.ServiceLanguage;
import org.marugoto.directory.ServiceView;
import org.marugoto.directory.domain.ServiceCommand;

/** The service form. */
public record ServiceForm(
        @NotBlank @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{validation.code}")
        String code,

        @NotBlank @Size(max = 150) String name,

        @Size(max = 300) @Pattern(regexp = "^[\\p{IsHiragana}\\p{IsKatakana}ー・\\s　]*$", message = "{validation.kana}")
        String nameKana,

        @Size(max = 2000) String description,
        @NotEmpty(message = "{directory.error.noIssue}") List<String> issueCodes,
        @Min(0) @Max(130) @Nullable Integer minAge,
        @Min(0) @Max(130) @Nullable Integer maxAge,
        List<UUID> areaIds,
        List<ServiceLanguage> languages,
        @Size(max = 300) String hours,
        @Size(max = 300) String fees,
        @Size(max = 300) String accessibility,

        @Size(max = 40) @Pattern(regexp = "^[0-9０-９()（）\\-－‐ ]*$", message = "{validation.phone}")
        String phone,

        @Email @Size(max = 200) String email,
        List<UUID> counterIds,
        Boolean acceptsReferrals,
        Boolean active,
        Integer version) {

    public ServiceForm {
        version = orDefault(version, 0);
        code = text(code);
        name = text(name);
        nameKana = text(nameKana);
        description = text(description);
        issueCodes = list(issueCodes);
        areaIds = list(areaIds);
        languages = list(languages);
        hours = text(hours);
        fees = text(fees);
        accessibility = text(accessibility);
        phone = text(phone);
        email = text(email);
        counterIds = list(counterIds);
        acceptsReferrals = orDefault(acceptsReferrals, true);
        active = orDefault(active, true);
    }

    /** The empty form for a new service: active and accepting referrals. */
    static ServiceForm empty() {
        return new ServiceForm(
                "", "", "", "", List.of(), null, null, List.of(), List.of(), "", "", "", "", "", List.of(), true, true,
                0);
    }

    static ServiceForm of(ServiceView view) {
        return new ServiceForm(
                view.code(),
                view.name(),
                orEmpty(view.nameKana()),
                orEmpty(view.description()),
                view.issueCodes(),
                view.minAge(),
                view.maxAge(),
                view.areaIds(),
                view.languages(),
                orEmpty(view.hours()),
                orEmpty(view.fees()),
                orEmpty(view.accessibility()),
                orEmpty(view.phone()),
                orEmpty(view.email()),
                view.counterIds(),
                view.acceptsReferrals(),
                view.active(),
                view.version());
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

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "ServiceForm[version=" + version + "]";
    }
}
