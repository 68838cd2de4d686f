package org.marugoto.casework.domain;

import static org.marugoto.shared.text.Texts.blankToNull;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.AssessmentDomain;
import org.marugoto.casework.AssessmentView;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseView;
import org.marugoto.shared.Actor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessment (アセスメント): the household as a whole — the person's wishes in their own words, strengths, risks,
 * what has not been said yet — and one situation per person and life domain. Each save is a new version; earlier
 * versions stay as they were, so the team can see how the picture changed.
 */
@Service
public class AssessmentService {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final CaseService cases;
    private final AuditApi audit;
    private final Clock clock;

    AssessmentService(JdbcClient jdbc, Tenancy tenancy, CaseService cases, AuditApi audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a new assessment version; earlier versions stay as they were. */
    @Transactional
    public AssessmentView recordAssessment(UUID caseId, CaseCommands.Assessment command) {
        Actor actor = CaseStore.actor();
        CaseView view = cases.authorizeWrite(caseId, "assessment");
        if (!view.status().open()) {
            throw new RuleViolation(null, "case.error.closed");
        }
        List<AssessmentView.Entry> entries =
                command.entries().stream().filter(e -> !e.situation().isBlank()).toList();
        checkContent(view, command, entries);
        UUID id = Ids.newId();
        int versionNo = jdbc.sql(
                        "select coalesce(max(version_no), 0) + 1 from case_assessment where municipality_id = ? and case_id = ?")
                .param(tenancy.municipalityId())
                .param(caseId)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into case_assessment (municipality_id, id, case_id, version_no, summary, strengths,
                            wishes, risks, unvoiced, recorded_at, recorded_by, recorder_name)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        id,
                        caseId,
                        versionNo,
                        blankToNull(command.summary()),
                        blankToNull(command.strengths()),
                        blankToNull(command.wishes()),
                        blankToNull(command.risks()),
                        blankToNull(command.unvoiced()),
                        Timestamp.from(clock.instant()),
                        actor.username(),
                        actor.displayName()))
                .update();
        insertEntries(id, entries);
        audit.record(AuditEntry.of(AuditAction.CREATE, "case_assessment", id).withPurpose("assessment"));
        return assessments(caseId).getFirst();
    }

    /** Something written, and situations only of the case's persons. */
    private static void checkContent(
            CaseView view, CaseCommands.Assessment command, List<AssessmentView.Entry> entries) {
        boolean anything = !entries.isEmpty()
                || blankToNull(command.summary()) != null
                || blankToNull(command.wishes()) != null
                || blankToNull(command.strengths()) != null;
        if (!anything) {
            throw new RuleViolation(null, "case.error.emptyAssessment");
        }
        for (AssessmentView.Entry entry : entries) {
            if (!view.personIds().contains(entry.personId())) {
                throw new RuleViolation(null, "case.error.notMember");
            }
        }
    }

    private void insertEntries(UUID assessmentId, List<AssessmentView.Entry> entries) {
        for (AssessmentView.Entry entry : entries) {
            jdbc.sql("""
                            insert into case_assessment_entry (municipality_id, assessment_id, person_id, domain,
                                situation)
                            values (?, ?, ?, ?, ?)
                            """)
                    .params(
                            tenancy.municipalityId(),
                            assessmentId,
                            entry.personId(),
                            entry.domain().name(),
                            entry.situation().strip())
                    .update();
        }
    }

    /** All assessment versions of a case, newest first. The caller has checked access to the case. */
    @Transactional(readOnly = true)
    public List<AssessmentView> assessments(UUID caseId) {
        Map<UUID, List<AssessmentView.Entry>> entries = new HashMap<>();
        jdbc.sql("""
                        select e.* from case_assessment_entry e join case_assessment a on a.municipality_id = e.municipality_id and a.id = e.assessment_id
                        where a.municipality_id = ? and a.case_id = ?
                        """)
                .param(tenancy.municipalityId())
                .param(caseId)
                .query((rs, i) -> entries.computeIfAbsent(
                                rs.getObject("assessment_id", UUID.class), k -> new ArrayList<>())
                        .add(new AssessmentView.Entry(
                                rs.getObject("person_id", UUID.class),
                                AssessmentDomain.valueOf(rs.getString("domain")),
                                rs.getString("situation"))))
                .list();
        return jdbc.sql(
                        "select * from case_assessment where municipality_id = ? and case_id = ? order by version_no desc")
                .param(tenancy.municipalityId())
                .param(caseId)
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new AssessmentView(
                            id,
                            rs.getInt("version_no"),
                            rs.getString("summary"),
                            rs.getString("strengths"),
                            rs.getString("wishes"),
                            rs.getString("risks"),
                            rs.getString("unvoiced"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorder_name"),
                            entries.getOrDefault(id, List.of()));
                })
                .list();
    }
}
