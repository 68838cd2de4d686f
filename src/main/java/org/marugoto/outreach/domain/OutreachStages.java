package org.marugoto.outreach.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.marugoto.outreach.OutreachStage;
import org.marugoto.outreach.StageKind;
import org.marugoto.shared.Tenancy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engagement stages (把握 → 接触を試みている → 会えた → 関係づくり → 支援を受け入れた → つないだ / 終了). They are rows of
 * {@code outreach_stage}: the standard ones are added on every start when missing, and a municipality renames them by
 * changing {@code label_ja}/{@code label_en} (the code and the kind stay). See docs/decisions/0020-outreach.md.
 */
@Service
@Order(6)
public class OutreachStages implements ApplicationRunner {

    /** code, Japanese, English, kind. */
    static final String[][] STANDARD = {
        {"IDENTIFIED", "把握", "Known of", "OPEN"},
        {"TRYING", "接触を試みている", "Trying to make contact", "OPEN"},
        {"MET", "会えた", "Met", "OPEN"},
        {"RELATIONSHIP", "関係づくり", "Building a relationship", "OPEN"},
        {"ACCEPTED", "支援を受け入れた", "Accepted support", "OPEN"},
        {"CONNECTED", "つないだ", "Connected", "CONNECTED"},
        {"ENDED", "終了", "Ended", "ENDED"},
    };

    public static final String FIRST = "IDENTIFIED";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final org.marugoto.audit.AuditApi audits;

    OutreachStages(JdbcClient jdbc, Tenancy tenancy, Clock clock, org.marugoto.audit.AuditApi audits) {
        this.audits = audits;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 0; i < STANDARD.length; i++) {
            jdbc.sql("""
                            insert into outreach_stage (municipality_id, code, label_ja, label_en, sort_order, kind,
                                created_at, created_by, updated_at, updated_by)
                            values (?, ?, ?, ?, ?, ?, ?, 'system', ?, 'system')
                            on conflict (municipality_id, code) do nothing
                            """)
                    .params(
                            tenancy.municipalityId(),
                            STANDARD[i][0],
                            STANDARD[i][1],
                            STANDARD[i][2],
                            (i + 1) * 10,
                            STANDARD[i][3],
                            now,
                            now)
                    .update();
        }
    }

    /**
     * Renames a stage (the municipality's words for it); its code, order and kind stay. Administrators only, audited,
     * refused when someone else changed it since it was read.
     */
    @org.springframework.security.access.prepost.PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public void rename(String code, int seenVersion, String labelJa, String labelEn) {
        if (labelJa.isBlank() || labelEn.isBlank() || labelJa.length() > 100 || labelEn.length() > 100) {
            throw new org.marugoto.shared.RuleViolation("label", "outreach.error.label");
        }
        if (find(code).isEmpty()) {
            throw new org.marugoto.shared.RuleViolation("code", "outreach.error.stage");
        }
        int changed = jdbc.sql("""
                        update outreach_stage set label_ja = ?, label_en = ?, updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and code = ? and version = ?
                        """)
                .params(
                        labelJa.strip(),
                        labelEn.strip(),
                        Timestamp.from(clock.instant()),
                        org.marugoto.shared.CurrentActor.username(),
                        tenancy.municipalityId(),
                        code,
                        seenVersion)
                .update();
        if (changed == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("stage " + code + " changed");
        }
        audits.record(org.marugoto.audit.AuditEntry.of(org.marugoto.audit.AuditAction.UPDATE, "outreach_stage", null)
                .withDetails(Map.of("code", code)));
    }

    /** The version of each stage, by code, for the administrators' form. */
    @Transactional(readOnly = true)
    public Map<String, Integer> versions() {
        Map<String, Integer> versions = new java.util.LinkedHashMap<>();
        jdbc.sql("select code, version from outreach_stage where municipality_id = ? order by sort_order")
                .param(tenancy.municipalityId())
                .query(rs -> {
                    versions.put(rs.getString("code"), rs.getInt("version"));
                });
        return versions;
    }

    /** The stages in their order. */
    @Transactional(readOnly = true)
    public List<OutreachStage> all() {
        return jdbc.sql("select * from outreach_stage where municipality_id = ? order by sort_order, code")
                .param(tenancy.municipalityId())
                .query((rs, i) -> new OutreachStage(
                        rs.getString("code"),
                        rs.getString("label_ja"),
                        rs.getString("label_en"),
                        rs.getInt("sort_order"),
                        StageKind.valueOf(rs.getString("kind"))))
                .list();
    }

    public Map<String, OutreachStage> byCode() {
        return all().stream()
                .collect(Collectors.toMap(
                        OutreachStage::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    public Optional<OutreachStage> find(String code) {
        return Optional.ofNullable(byCode().get(code));
    }
}
