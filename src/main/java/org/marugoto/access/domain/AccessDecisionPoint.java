package org.marugoto.access.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.marugoto.access.AccessApi;
import org.marugoto.access.EmergencyGrant;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.access.RecordScope;
import org.marugoto.access.Role;
import org.marugoto.access.WatchedHouseholds;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Need-to-know decisions about personal records. A record is visible to staff of the agency that recorded it and of
 * the agencies it was shared with; administrators, planners and auditors see no personal data by their role alone.
 * Volunteers (民生委員・児童委員) get nothing from their agency: they read a household only while a watch request
 * naming them is active, and the records that name them as members (their own concerns, the requests to them); they
 * never search or export. See docs/decisions/0005-households-search-and-visibility.md
 * and 0017-volunteer-view.md.
 */
@Service
class AccessDecisionPoint implements AccessApi {

    private static final String HOUSEHOLD = "household";

    private static final Set<String> PROFESSIONAL_ROLES =
            Set.of(Role.CASEWORKER.name(), Role.AGENCY_SUPERVISOR.name(), Role.MUNICIPAL_COORDINATOR.name());

    private final AuditApi audit;
    private final EmergencyAccess emergency;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final ObjectProvider<WatchedHouseholds> watches;

    AccessDecisionPoint(
            AuditApi audit,
            EmergencyAccess emergency,
            Clock clock,
            PlatformTransactionManager transactions,
            ObjectProvider<WatchedHouseholds> watches) {
        this.watches = watches;
        this.audit = audit;
        this.emergency = emergency;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Besides the record's own scope, an active emergency grant of the actor opens the record for reading (checked
     * against the clock at each decision, so a grant ends exactly when it expires).
     */
    @Override
    public boolean mayAccess(Actor actor, PersonalDataAction action, RecordScope record) {
        return mayAccessByRecord(actor, action, record)
                || emergencyGrant(actor, action, record).isPresent();
    }

    /**
     * The decision from the record alone: its members, or its owner and the agencies it is shared with. A volunteer
     * (without a professional role) is decided apart: see {@link #mayAccessAsVolunteer}.
     */
    private boolean mayAccessByRecord(Actor actor, PersonalDataAction action, RecordScope record) {
        if (volunteerOnly(actor)) {
            return mayAccessAsVolunteer(actor, action, record);
        }
        if (record.members() != null) {
            return action != PersonalDataAction.REVEAL && mayAccessAsMember(actor, record.members());
        }
        return mayAccessByScope(actor, action, record);
    }

    private Optional<EmergencyGrant> emergencyGrant(Actor actor, PersonalDataAction action, RecordScope record) {
        if (action != PersonalDataAction.READ || !EmergencyAccess.mayBreakGlass(actor)) {
            return Optional.empty();
        }
        return emergency.activeGrant(actor.accountId(), record.recordId(), clock.instant());
    }

    static boolean volunteerOnly(Actor actor) {
        return actor.roleNames().contains(Role.VOLUNTEER.name())
                && actor.roleNames().stream().noneMatch(PROFESSIONAL_ROLES::contains);
    }

    /**
     * A volunteer's narrow view: never by the agency a record belongs to or is shared with (all 民生委員 belong to the
     * same council). They read and write the records that name them as members (a watch request to them, a concern
     * they raised), and read a household — nothing else about it — while a watch request naming them is active.
     */
    private boolean mayAccessAsVolunteer(Actor actor, PersonalDataAction action, RecordScope record) {
        if (record.members() != null) {
            return (action == PersonalDataAction.READ || action == PersonalDataAction.WRITE)
                    && record.members().accountIds().contains(actor.accountId());
        }
        if (action != PersonalDataAction.READ || !HOUSEHOLD.equals(record.recordType())) {
            return false;
        }
        Instant now = clock.instant();
        return watches.stream().anyMatch(w -> w.watches(actor.accountId(), record.recordId(), now));
    }

    private static boolean mayAccessByScope(Actor actor, PersonalDataAction action, RecordScope record) {
        boolean owner = record.ownerAgencyId().equals(actor.agencyId());
        boolean sharedWith = record.sharedWithAgencyIds().contains(actor.agencyId());
        boolean professional = actor.roleNames().stream().anyMatch(PROFESSIONAL_ROLES::contains);
        return switch (action) {
            case READ -> professional && (owner || sharedWith);
            case WRITE -> professional && (owner || sharedWith);
            case SEARCH -> professional && (owner || sharedWith);
            case EXPORT -> actor.roleNames().contains(Role.AGENCY_SUPERVISOR.name()) && owner;
            case REVEAL -> actor.roleNames().contains(Role.PRIVACY_OFFICER.name());
        };
    }

    /**
     * Case content and 支援会議 material: the named members (professionals only) read, write and print it; the
     * municipality's coordinators too when the group includes them. The agency they belong to gives nothing.
     */
    private static boolean mayAccessAsMember(Actor actor, RecordScope.Members members) {
        boolean professional = actor.roleNames().stream().anyMatch(PROFESSIONAL_ROLES::contains);
        boolean coordinator = actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name());
        return professional
                && (members.accountIds().contains(actor.accountId()) || (members.coordinators() && coordinator));
    }

    /**
     * A granted access is audited in the caller's transaction (no audit row, no access); a refusal is audited in a
     * transaction of its own, because the caller's rolls back when the refusal is thrown.
     */
    @Override
    @Transactional
    public void authorize(PersonalDataAction action, RecordScope record, String purpose) {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        if (mayAccessByRecord(actor, action, record)) {
            View view = VIEW.get();
            if (view != null && action == PersonalDataAction.READ) {
                view.shown(record);
                return;
            }
            audit.record(entry(auditAction(action), action, record, purpose));
            return;
        }
        Optional<EmergencyGrant> grant = emergencyGrant(actor, action, record);
        if (grant.isPresent()) {
            // every read under emergency access names the grant as its purpose, so reviewers find them all
            audit.record(new AuditEntry(
                    AuditAction.READ,
                    record.recordType(),
                    record.recordId(),
                    grant.get().purpose(),
                    Map.of("action", action.name(), "for", purpose)));
            return;
        }
        ownTransaction.executeWithoutResult(
                status -> audit.record(entry(AuditAction.ACCESS_DENIED, action, record, purpose)));
        throw new AccessDeniedException("access refused");
    }

    private static final ThreadLocal<View> VIEW = new ThreadLocal<>();

    /** The reads granted during one view of a record, by record type, in the order they were made. */
    private static final class View {

        private final Map<String, java.util.Set<UUID>> shown = new java.util.TreeMap<>();

        void shown(RecordScope record) {
            shown.computeIfAbsent(record.recordType(), k -> new java.util.LinkedHashSet<>())
                    .add(record.recordId());
        }
    }

    @Override
    public <T> T asOneView(String recordType, UUID recordId, String purpose, java.util.function.Supplier<T> page) {
        if (VIEW.get() != null) {
            return page.get();
        }
        View view = new View();
        VIEW.set(view);
        T result;
        try {
            result = page.get();
        } finally {
            VIEW.remove();
        }
        if (!view.shown.isEmpty()) {
            Map<String, String> details = new java.util.TreeMap<>();
            details.put("action", PersonalDataAction.READ.name());
            view.shown.forEach((type, ids) -> {
                java.util.Set<UUID> others = new java.util.LinkedHashSet<>(ids);
                others.remove(recordId);
                if (!others.isEmpty()) {
                    details.put(
                            type,
                            others.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(" ")));
                }
            });
            audit.record(new AuditEntry(AuditAction.READ, recordType, recordId, purpose, details));
        }
        return result;
    }

    @Override
    @Transactional
    public java.util.UUID authorizeSearch(String recordType, String query, String purpose) {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        boolean professional = actor.roleNames().stream().anyMatch(PROFESSIONAL_ROLES::contains);
        AuditEntry entry = new AuditEntry(
                professional ? AuditAction.SEARCH : AuditAction.ACCESS_DENIED,
                recordType,
                null,
                purpose,
                Map.of("query", query.length() > 100 ? query.substring(0, 100) : query));
        if (professional) {
            audit.record(entry);
            return actor.agencyId();
        }
        ownTransaction.executeWithoutResult(status -> audit.record(entry));
        throw new AccessDeniedException("search refused");
    }

    @Override
    public boolean mayBreakGlass(Actor actor) {
        return EmergencyAccess.mayBreakGlass(actor);
    }

    @Override
    @Transactional
    public EmergencyGrant breakGlass(
            String recordType, UUID recordId, String reference, Set<UUID> coveredRecordIds, String reason) {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        if (!mayBreakGlass(actor)) {
            ownTransaction.executeWithoutResult(status -> audit.record(new AuditEntry(
                    AuditAction.ACCESS_DENIED, recordType, recordId, "break-glass", Map.of("action", "BREAK_GLASS"))));
            throw new AccessDeniedException("break-the-glass refused for this role");
        }
        return emergency.grant(actor, recordType, recordId, reference, coveredRecordIds, reason, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EmergencyGrant> emergencyAccess(UUID recordId) {
        return CurrentActor.get().flatMap(actor -> emergency.activeGrant(actor.accountId(), recordId, clock.instant()));
    }

    private static AuditEntry entry(
            AuditAction audited, PersonalDataAction action, RecordScope record, String purpose) {
        return new AuditEntry(
                audited, record.recordType(), record.recordId(), purpose, Map.of("action", action.name()));
    }

    private static AuditAction auditAction(PersonalDataAction action) {
        return switch (action) {
            case READ, REVEAL -> AuditAction.READ;
            case SEARCH -> AuditAction.SEARCH;
            case WRITE -> AuditAction.UPDATE;
            case EXPORT -> AuditAction.EXPORT;
        };
    }
}
