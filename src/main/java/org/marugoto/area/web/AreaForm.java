package org.marugoto.area.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;
import static org.marugoto.shared.web.FormValues.orDefault;
import static org.marugoto.shared.web.FormValues.text;
import static org.marugoto.shared.web.FormValues.validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaLevel;
import org.marugoto.area.AreaView;
import org.marugoto.area.domain.AreaCommand;

/** The area form. */
public record AreaForm(
        @Nullable UUID parentId,
        @NotNull @Nullable AreaLevel level,

        @NotBlank @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{validation.code}")
        String code,

        @NotBlank @Size(max = 100) String name,

        @Size(max = 200) @Pattern(regexp = "^[\\p{IsHiragana}\\p{IsKatakana}ー・\\s　]*$", message = "{validation.kana}")
        String nameKana,

        @Min(0) @Max(50_000_000) @Nullable Integer population,
        @Min(0) @Max(50_000_000) @Nullable Integer households,
        Boolean active,
        Integer version) {

    public AreaForm {
        version = orDefault(version, 0);
        code = text(code);
        name = text(name);
        nameKana = text(nameKana);
        active = orDefault(active, true);
    }

    /** The empty form for a new area, under a parent (and at the level below it) when one is given. */
    static AreaForm empty(@Nullable UUID parentId, @Nullable AreaLevel level) {
        return new AreaForm(parentId, level, "", "", "", null, null, true, 0);
    }

    static AreaForm of(AreaView view) {
        return new AreaForm(
                view.parentId(),
                view.level(),
                view.code(),
                view.name(),
                orEmpty(view.nameKana()),
                view.population(),
                view.households(),
                view.active(),
                view.version());
    }

    AreaCommand command() {
        return new AreaCommand(
                parentId,
                validated(level, "level"),
                code.strip(),
                name.strip(),
                blankToNull(nameKana),
                population,
                households,
                active);
    }

    /** What was typed may be personal data or a secret: never printed (logs, error reports). */
    @Override
    public String toString() {
        return "AreaForm[version=" + version + "]";
    }
}
