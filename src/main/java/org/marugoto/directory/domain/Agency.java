package org.marugoto.directory.domain;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.AgencyKind;
import org.marugoto.directory.AgencyView;
import org.marugoto.shared.db.Stamps;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/** A support agency (支援関係機関). */
@Table("agency")
class Agency {

    @Id
    private final UUID id;

    private final UUID municipalityId;
    private String code;
    private String name;
    private @Nullable String nameKana;
    private AgencyKind kind;
    private @Nullable UUID areaId;
    private @Nullable String address;
    private @Nullable String phone;
    private @Nullable String email;
    private @Nullable String description;
    private boolean acceptsReferrals;
    private boolean active;

    @Embedded.Empty
    private Stamps stamps = new Stamps();

    @Version
    private @Nullable Integer version;

    Agency(UUID id, UUID municipalityId, String code, String name, AgencyKind kind) {
        this.id = id;
        this.municipalityId = municipalityId;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.active = true;
    }

    void apply(AgencyCommand command) {
        code = command.code();
        name = command.name();
        nameKana = command.nameKana();
        kind = command.kind();
        areaId = command.areaId();
        address = command.address();
        phone = command.phone();
        email = command.email();
        description = command.description();
        acceptsReferrals = command.acceptsReferrals();
        active = command.active();
    }

    void expectVersion(int seenVersion) {
        version = seenVersion;
    }

    UUID id() {
        return id;
    }

    AgencyView view() {
        return new AgencyView(
                id,
                code,
                name,
                nameKana,
                kind,
                areaId,
                address,
                phone,
                email,
                description,
                acceptsReferrals,
                active,
                version == null ? 0 : version);
    }
}
