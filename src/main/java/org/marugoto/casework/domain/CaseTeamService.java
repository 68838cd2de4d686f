package org.marugoto.casework.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.marugoto.access.Colleagues;
import org.marugoto.access.Colleagues.Colleague;
import org.marugoto.access.Role;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.TeamRole;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works the case (支援チーム): professionals join and leave the team. The team decides who sees the case, so
 * every change takes effect at once and is audited as a permission change. Only the lead and the municipality's
 * coordinators change the team; a professional of another agency than the lead's joins only with the person's
 * consent — without it, information is shared in a 支援会議 instead ({@link ConferenceService}).
 */
@Service
public class CaseTeamService {

    private final CaseService cases;
    private final CaseStore store;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Colleagues colleagues;
    private final ConsentApi consents;
    private final PeopleApi people;
    private final AuditApi audit;
    private final Clock clock;

    CaseTeamService(
            CaseService cases,
            CaseStore store,
            JdbcClient jdbc,
            Tenancy tenancy,
            Colleagues colleagues,
            ConsentApi consents,
            PeopleApi people,
            AuditApi audit,
            Clock clock) {
        this.cases = cases;
        this.store = store;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.colleagues = colleagues;
        this.consents = consents;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a named professional to the team. Only the lead and the municipality's coordinators change the team;
     * someone of another agency than the lead's joins only with the person's consent (without it, information is
     * shared in a 支援会議 instead).
     */
    @Transactional
    public CaseView.TeamMember addMember(UUID caseId, UUID accountId, TeamRole role) {
        Actor actor = CaseStore.actor();
        CaseView current = cases.authorizeWrite(caseId, "case team");
        requireTeamManager(current, actor);
        if (!current.status().open()) {
            throw new RuleViolation(null, "case.error.closed");
        }
        if (role == TeamRole.LEAD) {
            throw new RuleViolation("role", "case.error.secondLead");
        }
        Colleague colleague =
                colleagues.colleague(accountId).orElseThrow(() -> new RuleViolation("accountId", "case.error.member"));
        if (store.activeAccounts(caseId).contains(accountId)) {
            throw new RuleViolation("accountId", "case.error.alreadyMember", colleague.displayName());
        }
        boolean sameAgency = colleague.agencyId().equals(current.leadAgencyId());
        if (!sameAgency && !sharedWith(current, colleague)) {
            throw new RuleViolation("accountId", "case.error.memberNeedsConsent");
        }
        UUID id = store.insertMember(
                caseId,
                accountId,
                colleague.displayName(),
                colleague.agencyId(),
                role,
                actor,
                Timestamp.from(clock.instant()));
        if (!sameAgency) {
            people.involve(current.householdId(), colleague.agencyId(), "case team " + current.caseNumber());
        }
        store.event(caseId, "MEMBER_ADDED", null, null, colleague.displayName(), actor);
        audit.record(new AuditEntry(
                AuditAction.PERMISSION_CHANGE,
                CaseStore.CASE,
                caseId,
                "case team",
                Map.of("added", accountId.toString())));
        store.bumpVersion(caseId, actor);
        return store.team(caseId).stream()
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Whether the person consented to the case's information being shared with the colleague's agency. */
    private boolean sharedWith(CaseView view, Colleague colleague) {
        return view.consentGiven()
                || consents.validConsentOfHousehold(
                                view.householdId(), colleague.agencyId(), ConsentPurpose.INFORMATION_SHARING)
                        .isPresent();
    }

    /** Ends a membership; from this moment the person no longer sees the case. The lead cannot be removed. */
    @Transactional
    public void removeMember(UUID caseId, UUID memberId, int seenVersion, String reason) {
        Actor actor = CaseStore.actor();
        CaseView current = cases.authorizeWrite(caseId, "case team");
        requireTeamManager(current, actor);
        CaseView.TeamMember member = store.team(caseId).stream()
                .filter(m -> m.id().equals(memberId) && m.active())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("case_team_member", memberId));
        if (member.role() == TeamRole.LEAD) {
            throw new RuleViolation(null, "case.error.removeLead");
        }
        if (reason.isBlank()) {
            throw new RuleViolation("reason", "case.error.removeReason");
        }
        int changed = jdbc.sql("""
                        update case_team_member set left_at = :now, left_by = :by, left_reason = :reason,
                            version = version + 1
                        where municipality_id = :m and id = :id and version = :version and left_at is null
                        """)
                .param("m", tenancy.municipalityId())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", actor.username())
                .param("reason", reason.strip())
                .param("id", memberId)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("team member " + memberId + " changed");
        }
        store.event(caseId, "MEMBER_REMOVED", null, null, member.name() + "：" + reason.strip(), actor);
        audit.record(new AuditEntry(
                AuditAction.PERMISSION_CHANGE,
                CaseStore.CASE,
                caseId,
                "case team",
                Map.of("removed", member.accountId().toString())));
        store.bumpVersion(caseId, actor);
    }

    private void requireTeamManager(CaseView view, Actor actor) {
        boolean lead = view.leadAccountId().equals(actor.accountId());
        if (!lead && !actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name())) {
            throw new AccessDeniedException("only the lead or a coordinator changes the team");
        }
    }
}
