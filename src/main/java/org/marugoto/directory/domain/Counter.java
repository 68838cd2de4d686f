package org.marugoto.directory.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.CounterView;
import org.marugoto.shared.db.Stamps;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/** A consultation counter (相談窓口): where an agency receives consultations. */
@Table("consultation_counter")
class Counter {

    @Id
    private final UUID id;

    private final UUID municipalityId;
    private final UUID agencyId;
    private String code;
    private String name;
    private @Nullable UUID areaId;
    private @Nullable String address;
    private @Nullable String phone;
    private @Nullable String hours;
    private @Nullable String languages;
    private @Nullable String accessibility;
    private boolean active;

    @Embedded.Empty
    private Stamps stamps = new Stamps();

    @Version
    private @Nullable Integer version;

    Counter(UUID id, UUID municipalityId, UUID agencyId, String code, String name) {
        this.id = id;
        this.municipalityId = municipalityId;
        this.agencyId = agencyId;
        this.code = code;
        this.name = name;
        this.active = true;
    }

    void apply(CounterCommand command) {
        code = command.code();
        name = command.name();
        areaId = command.areaId();
        address = command.address();
        phone = command.phone();
        hours = command.hours();
        languages = command.languages();
        accessibility = command.accessibility();
        active = command.active();
    }

    void expectVersion(int seenVersion) {
        version = seenVersion;
    }

    UUID id() {
        return id;
    }

    UUID agencyId() {
        return agencyId;
    }

    CounterView view() {
        return new CounterView(
                id,
                agencyId,
                code,
                name,
                areaId,
                address,
                phone,
                hours,
                languages,
                accessibility,
                active,
                version == null ? 0 : version);
    }
}
