package org.marugoto.consultation.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.consultation.IssueCodeView;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.ShortCache;
import org.marugoto.shared.Tenancy;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issue code list (相談内容). Starts with the MHLW categories of the 自立相談支援 statistics and the ones the
 * comprehensive support system adds; administrators add their own, rename and retire codes (codes in use are never
 * deleted).
 */
@Service
@Order(5)
public class IssueCodes implements ApplicationRunner {

    /** code, Japanese, English. */
    static final String[][] STANDARD = {
        {"HEALTH", "病気・健康・障害", "Illness, health, disability"},
        {"HOUSING", "住まい", "Housing"},
        {"INCOME", "収入・生活費", "Income, living costs"},
        {"RENT_LOAN", "家賃・ローン", "Rent, loans"},
        {"TAX_UTILITIES", "税金・公共料金", "Taxes, utility bills"},
        {"DEBT", "債務", "Debt"},
        {"JOB_SEARCH", "仕事探し", "Finding work"},
        {"WORK_WORRIES", "仕事上の不安", "Worries at work"},
        {"COMMUNITY", "地域との関係", "Relations with the community"},
        {"FAMILY", "家族との関係", "Family relations"},
        {"CHILDCARE", "子育て", "Raising children"},
        {"CARE", "介護", "Long-term care"},
        {"HIKIKOMORI", "ひきこもり・不登校", "Social withdrawal, school refusal"},
        {"ABUSE_DV", "DV・虐待", "Domestic violence, abuse"},
        {"FOOD", "食べるものがない", "No food"},
        {"ISOLATION", "孤立", "Isolation"},
        {"SELF_NEGLECT", "ごみ屋敷・セルフネグレクト", "Hoarding, self-neglect"},
        {"ADVOCACY", "権利擁護", "Rights advocacy"},
        {"FOREIGN_RESIDENT", "外国籍", "Foreign residents"},
        {"REHABILITATION", "刑余者支援", "Support after prison"},
        {"OTHER", "その他", "Other"},
    };

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final Clock clock;
    private final ShortCache<UUID, List<IssueCodeView>> cached = new ShortCache<>(Duration.ofMinutes(1));

    IssueCodes(JdbcClient jdbc, Tenancy tenancy, AuditApi audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes sure the standard codes exist for this municipality (idempotent, on every start). */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (int i = 0; i < STANDARD.length; i++) {
            insert(STANDARD[i][0], STANDARD[i][1], STANDARD[i][2], (i + 1) * 10, true);
        }
    }

    /** Every code, active or retired, in their order; kept for a minute and forgotten on every change (0025). */
    public List<IssueCodeView> all() {
        return cached.get(tenancy.municipalityId(), this::read);
    }

    private List<IssueCodeView> read() {
        return jdbc.sql("select * from issue_code where municipality_id = ? order by sort_order, code")
                .param(tenancy.municipalityId())
                .query((rs, i) -> new IssueCodeView(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("name_ja"),
                        rs.getString("name_en"),
                        rs.getInt("sort_order"),
                        rs.getBoolean("active"),
                        rs.getInt("version")))
                .list();
    }

    public List<IssueCodeView> active() {
        return all().stream().filter(IssueCodeView::active).toList();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public void add(String code, String nameJa, String nameEn, int sortOrder) {
        if (!insert(code, nameJa, nameEn, sortOrder, false)) {
            throw new RuleViolation("code", "issueCode.error.codeTaken");
        }
        audit.record(AuditEntry.of(AuditAction.CREATE, "issue_code", null).withDetails(java.util.Map.of("code", code)));
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public void update(UUID id, int seenVersion, String nameJa, String nameEn, int sortOrder, boolean active) {
        cached.invalidate();
        int changed = jdbc.sql("""
                        update issue_code set name_ja = ?, name_en = ?, sort_order = ?, active = ?, updated_at = ?,
                            updated_by = ?, version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(
                        nameJa,
                        nameEn,
                        sortOrder,
                        active,
                        Timestamp.from(clock.instant()),
                        CurrentActor.username(),
                        tenancy.municipalityId(),
                        id,
                        seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("issue code " + id + " was changed by someone else");
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, "issue_code", id));
    }

    private boolean insert(String code, String nameJa, String nameEn, int sortOrder, boolean ifAbsent) {
        cached.invalidate();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            return jdbc.sql("""
                                    insert into issue_code (municipality_id, id, code, name_ja, name_en, sort_order, active,
                                        created_at, created_by, updated_at, updated_by, version)
                                    values (?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, 0)
                                    on conflict (municipality_id, code) do nothing
                                    """)
                            .params(
                                    tenancy.municipalityId(),
                                    Ids.newId(),
                                    code,
                                    nameJa,
                                    nameEn,
                                    sortOrder,
                                    now,
                                    CurrentActor.username(),
                                    now,
                                    CurrentActor.username())
                            .update()
                    > 0;
        } catch (DuplicateKeyException e) {
            if (ifAbsent) {
                return false;
            }
            throw new RuleViolation("code", "issueCode.error.codeTaken");
        }
    }
}
