package org.marugoto.directory.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;
import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;
import static org.marugoto.shared.web.FormValues.validated;

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
public record AgencyForm(
        @NotBlank @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{validation.code}")
        String code,

        @NotBlank @Size(max = 150) String name,

        @Size(max = 300) @Pattern(regexp = "^[\\p{IsHiragana}\\p{IsKatakana}ー・\\s　]*$", message = "{validation.kana}")
        String nameKana,

        @NotNull @Nullable AgencyKind kind,
        @Nullable UUID areaId,
        @Size(max = 300) String address,

        @Size(max = 40) @Pattern(regexp = "^[0-9０-９()（）\\-－‐ ]*$", message = "{validation.phone}")
        String phone,

        @Email @Size(max = 200) String email,
        @Size(max = 2000) String description,
        Boolean acceptsReferrals,
        Boolean active,
        Integer version) {

    public AgencyForm {
        version = orDefault(version, 0);
        code = text(code);
        name = text(name);
        nameKana = text(nameKana);
        address = text(address);
        phone = text(phone);
        email = text(email);
        description = text(description);
        acceptsReferrals = orDefault(acceptsReferrals, true);
        active = orDefault(active, true);
    }

    /** The empty form for a new agency: active and accepting referrals. */
    static AgencyForm empty() {
        return new AgencyForm("", "", "", null, null, "", "", "", "", true, true, 0);
    }

    static AgencyForm of(AgencyView view) {
        return new AgencyForm(
                view.code(),
                view.name(),
                orEmpty(view.nameKana()),
                view.kind(),
                view.areaId(),
                orEmpty(view.address()),
                orEmpty(view.phone()),
                orEmpty(view.email()),
                orEmpty(view.description()),
                view.acceptsReferrals(),
                view.active(),
                view.version());
    }

    AgencyCommand command() {
        return new AgencyCommand(
                code.strip(),
                name.strip(),
                blankToNull(nameKana),
                validated(kind, "kind"),
                areaId,
                blankToNull(address),
                blankToNull(phone),
                blankToNull(email),
                blankToNull(description),
                acceptsReferrals,
                active);
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "AgencyForm[version=" + version + "]";
    }
}
