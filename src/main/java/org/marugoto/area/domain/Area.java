package org.marugoto.area.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaLevel;
import org.marugoto.shared.db.Stamps;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/** An area (圏域) in the municipality's hierarchy. */
@Table("area")
class Area {

    @Id
    private final UUID id;

    private final UUID municipalityId;
    private @Nullable UUID parentId;
    private AreaLevel level;
    private String code;
    private String name;
    private @Nullable String nameKana;
    private @Nullable Integer population;
    private @Nullable Integer households;
    private boolean active;

    @Embedded.Empty
    private Stamps stamps = new Stamps();

    @Version
    private @Nullable Integer version;

    Area(UUID id, UUID municipalityId, AreaLevel level, String code, String name) {
        this.id = id;
        this.municipalityId = municipalityId;
        this.level = level;
        this.code = code;
        this.name = name;
        this.active = true;
    }

    void apply(AreaCommand command) {
        this.parentId = command.parentId();
        this.level = command.level();
        this.code = command.code();
        this.name = command.name();
        this.nameKana = command.nameKana();
        this.population = command.population();
        this.households = command.households();
        this.active = command.active();
    }

    /** Carries the version the user saw, so that saving a stale copy fails. */
    void expectVersion(int seenVersion) {
        this.version = seenVersion;
    }

    UUID id() {
        return id;
    }

    UUID municipalityId() {
        return municipalityId;
    }

    @Nullable
    UUID parentId() {
        return parentId;
    }

    AreaLevel level() {
        return level;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    @Nullable
    String nameKana() {
        return nameKana;
    }

    @Nullable
    Integer population() {
        return population;
    }

    @Nullable
    Integer households() {
        return households;
    }

    boolean active() {
        return active;
    }

    int version() {
        return version == null ? 0 : version;
    }
}
