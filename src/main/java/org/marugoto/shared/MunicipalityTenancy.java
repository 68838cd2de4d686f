package org.marugoto.shared;

import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers the configured municipality on first start and serves its id to every module. */
@Component
@EnableConfigurationProperties(TenancyProperties.class)
class MunicipalityTenancy implements Tenancy {

    private final UUID municipalityId;
    private final String municipalityName;

    MunicipalityTenancy(JdbcClient jdbc, TransactionTemplate transactions, TenancyProperties properties) {
        this.municipalityId = transactions.execute(status -> jdbc.sql("select id from municipality where code = ?")
                .param(properties.code())
                .query(UUID.class)
                .optional()
                .orElseGet(() -> register(jdbc, properties)));
        this.municipalityName = properties.name();
    }

    private static UUID register(JdbcClient jdbc, TenancyProperties properties) {
        UUID id = Ids.newId();
        Instant now = Instant.now();
        jdbc.sql("""
                        insert into municipality (municipality_id, id, code, name, name_kana, prefecture,
                            created_at, created_by, updated_at, updated_by, version)
                        values (:id, :id, :code, :name, :nameKana, :prefecture, :now, :by, :now, :by, 0)
                        """)
                .param("id", id)
                .param("code", properties.code())
                .param("name", properties.name())
                .param("nameKana", properties.nameKana())
                .param("prefecture", properties.prefecture())
                .param("now", java.sql.Timestamp.from(now))
                .param("by", CurrentActor.SYSTEM)
                .update();
        return id;
    }

    @Override
    public UUID municipalityId() {
        return municipalityId;
    }

    @Override
    public String municipalityName() {
        return municipalityName;
    }
}
