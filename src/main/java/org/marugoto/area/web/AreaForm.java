package org.marugoto.area.web;

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
public class AreaForm {

    private @Nullable UUID parentId;

    @NotNull
    private @Nullable AreaLevel level;

    @NotBlank
    @Size(max = 40)
    @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{validation.code}")
    private String code = "";

    @NotBlank
    @Size(max = 100)
    private String name = "";

    @Size(max = 200)
    @Pattern(regexp = "^[\\p{IsHiragana}\\p{IsKatakana}ー・\\s　]*$", message = "{validation.kana}")
    private String nameKana = "";

    @Min(0)
    @Max(50_000_000)
    private @Nullable Integer population;

    @Min(0)
    @Max(50_000_000)
    private @Nullable Integer households;

    private boolean active = true;

    private int version;

    static AreaForm of(AreaView view) {
        AreaForm form = new AreaForm();
        form.parentId = view.parentId();
        form.level = view.level();
        form.code = view.code();
        form.name = view.name();
        form.nameKana = view.nameKana() == null ? "" : view.nameKana();
        form.population = view.population();
        form.households = view.households();
        form.active = view.active();
        form.version = view.version();
        return form;
    }

    AreaCommand command() {
        return new AreaCommand(
                parentId,
                level,
                code.strip(),
                name.strip(),
                nameKana.isBlank() ? null : nameKana.strip(),
                population,
                households,
                active);
    }

    public @Nullable UUID getParentId() {
        return parentId;
    }

    public void setParentId(@Nullable UUID parentId) {
        this.parentId = parentId;
    }

    public @Nullable AreaLevel getLevel() {
        return level;
    }

    public void setLevel(@Nullable AreaLevel level) {
        this.level = level;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getNameKana() {
        return nameKana;
    }

    public void setNameKana(String nameKana) {
        this.nameKana = nameKana == null ? "" : nameKana;
    }

    public @Nullable Integer getPopulation() {
        return population;
    }

    public void setPopulation(@Nullable Integer population) {
        this.population = population;
    }

    public @Nullable Integer getHouseholds() {
        return households;
    }

    public void setHouseholds(@Nullable Integer households) {
        this.households = households;
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
