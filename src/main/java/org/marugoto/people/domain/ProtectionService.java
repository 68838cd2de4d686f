package org.marugoto.people.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.access.AccessApi;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.access.Reauthentication;
import org.marugoto.access.RecordScope;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.PersonView;
import org.marugoto.people.ProtectionApi;
import org.marugoto.people.ProtectionCommand;
import org.marugoto.people.ProtectionKind;
import org.marugoto.people.ProtectionView;
import org.marugoto.people.RevealedContact;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DV/stalking protection (支援措置). Staff who may change a household mark a member as protected and end the
 * protection (the row stays); masking itself happens where rows become views ({@link PersonRows}), driven by the
 * {@code person.protected} flag the database keeps. Only the privacy officer reveals, one person at a time, after
 * re-authenticating, with a purpose that is audited (the values never are).
 */
@Service
public class ProtectionService implements ProtectionApi {

    static final String PROTECTION = "protection";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final PeopleService people;
    private final AreaApi areas;
    private final Reauthentication reauthentication;
    private final Clock clock;

    ProtectionService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            PeopleService people,
            AreaApi areas,
            Reauthentication reauthentication,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.people = people;
        this.areas = areas;
        this.reauthentication = reauthentication;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ProtectionView protect(UUID personId, ProtectionCommand command) {
        authorizeWrite(personId, "protect");
        if (command.requestingOffice().isBlank()) {
            throw new RuleViolation("requestingOffice", "protection.error.office");
        }
        if (command.validUntil() != null && command.validUntil().isBefore(command.validFrom())) {
            throw new RuleViolation("validUntil", "protection.error.period");
        }
        List<UUID> coMembers = coMembers(personId);
        for (UUID member : command.memberPersonIds()) {
            if (!member.equals(personId) && !coMembers.contains(member)) {
                throw new RuleViolation("memberPersonIds", "protection.error.member");
            }
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into protection (municipality_id, id, person_id, kind, valid_from, valid_until,
                            requesting_office, note, created_at, created_by, updated_at, updated_by, version)
                        values (:m, :id, :person, :kind, :from, :until, :office, :note, :now, :by, :now, :by, 0)
                        """)
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("person", personId)
                .param("kind", command.kind().name())
                .param("from", command.validFrom())
                .param("until", command.validUntil())
                .param("office", command.requestingOffice().strip())
                .param("note", command.note() == null || command.note().isBlank() ? null : command.note())
                .param("now", now)
                .param("by", CurrentActor.username())
                .update();
        for (UUID member : new LinkedHashSet<>(command.memberPersonIds())) {
            if (member.equals(personId)) {
                continue;
            }
            jdbc.sql("""
                            insert into protection_member (municipality_id, protection_id, person_id, created_at,
                                created_by, updated_at, updated_by, version)
                            values (?, ?, ?, ?, ?, ?, ?, 0)
                            """)
                    .params(
                            tenancy.municipalityId(),
                            id,
                            member,
                            now,
                            CurrentActor.username(),
                            now,
                            CurrentActor.username())
                    .update();
        }
        audit.record(new AuditEntry(
                AuditAction.CREATE,
                PROTECTION,
                id,
                "protect",
                Map.of(
                        "person",
                        personId.toString(),
                        "kind",
                        command.kind().name(),
                        "members",
                        Integer.toString(command.memberPersonIds().size()))));
        return find(id);
    }

    @Override
    @Transactional
    public ProtectionView end(UUID protectionId, int seenVersion, String reason) {
        ProtectionView protection = find(protectionId);
        authorizeWrite(protection.personId(), "end protection");
        if (!protection.active()) {
            throw new RuleViolation(null, "protection.error.alreadyEnded");
        }
        if (reason.isBlank()) {
            throw new RuleViolation("endReason", "protection.error.endReason");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("""
                        update protection set ended_at = :now, ended_by = :by, end_reason = :reason,
                            updated_at = :now, updated_by = :by, version = version + 1
                        where municipality_id = :m and id = :id and version = :version and ended_at is null
                        """)
                .param("now", now)
                .param("by", CurrentActor.username())
                .param("reason", reason.strip())
                .param("m", tenancy.municipalityId())
                .param("id", protectionId)
                .param("version", seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("protection " + protectionId + " was changed by someone else");
        }
        audit.record(new AuditEntry(
                AuditAction.UPDATE,
                PROTECTION,
                protectionId,
                "end protection",
                Map.of("person", protection.personId().toString(), "ended", "true")));
        return find(protectionId);
    }

    @Override
    @Transactional
    public List<ProtectionView> protectionsOf(UUID personId) {
        access.authorize(PersonalDataAction.READ, people.personScope(personId), "protections");
        return query("p.person_id = :person or exists (select 1 from protection_member x "
                        + "where x.municipality_id = p.municipality_id and x.protection_id = p.id "
                        + "and x.person_id = :person)")
                .param("person", personId)
                .query((rs, i) -> row(rs))
                .list();
    }

    /** Whether the person is masked now (protected themselves or named in someone's protection). */
    @Transactional(readOnly = true)
    public boolean isProtected(UUID personId) {
        return jdbc.sql("select protected from person where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), personId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    @Override
    @Transactional
    public List<ProtectionView> activeProtections() {
        requirePrivacyOfficer();
        List<ProtectionView> list =
                query("p.ended_at is null").query((rs, i) -> row(rs)).list();
        audit.record(new AuditEntry(
                AuditAction.READ, PROTECTION, null, "protection list", Map.of("count", Integer.toString(list.size()))));
        return list;
    }

    /** A protected person as the privacy officer's list shows them (masked), without a person read of its own. */
    @Transactional
    public PersonView protectedPerson(UUID personId) {
        requirePrivacyOfficer();
        if (!isProtected(personId)) {
            throw new NotFoundException(PeopleService.PERSON, personId);
        }
        return people.findPerson(personId);
    }

    @Override
    @Transactional
    public RevealedContact reveal(UUID personId, String purpose) {
        requirePrivacyOfficer();
        if (purpose.isBlank()) {
            throw new RuleViolation("purpose", "protection.error.purpose");
        }
        if (!isProtected(personId)) {
            throw new NotFoundException(PeopleService.PERSON, personId);
        }
        String stated = purpose.strip().length() > 180 ? purpose.strip().substring(0, 180) : purpose.strip();
        reauthentication.require("reveal protected person");
        access.authorize(PersonalDataAction.REVEAL, people.personScope(personId), "reveal: " + stated);
        return jdbc.sql("select * from person where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), personId)
                .query((rs, i) -> revealed(rs))
                .single();
    }

    private RevealedContact revealed(ResultSet rs) throws SQLException {
        UUID personId = rs.getObject("id", UUID.class);
        UUID areaId = rs.getObject("area_id", UUID.class);
        String given = rs.getString("given_name");
        String name = rs.getString("family_name") + (given == null ? "" : " " + given);
        List<String> householdAddresses = jdbc.sql("""
                        select distinct h.address from household h join household_member m
                          on m.municipality_id = h.municipality_id and m.household_id = h.id
                        where h.municipality_id = ? and m.person_id = ? and m.member_to is null and h.address is not null
                        """)
                .params(tenancy.municipalityId(), personId)
                .query(String.class)
                .list();
        List<String> notes = jdbc.sql("""
                        select p.note from protection p
                        where p.municipality_id = :m and p.ended_at is null and p.note is not null
                          and (p.person_id = :person or exists (select 1 from protection_member x
                               where x.municipality_id = p.municipality_id and x.protection_id = p.id
                                 and x.person_id = :person))
                        order by p.created_at
                        """)
                .param("m", tenancy.municipalityId())
                .param("person", personId)
                .query(String.class)
                .list();
        return new RevealedContact(
                personId,
                name,
                rs.getString("address"),
                areaId == null ? null : areas.find(areaId).map(AreaView::name).orElse(null),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("note"),
                householdAddresses.isEmpty() ? null : String.join(" / ", householdAddresses),
                notes);
    }

    /** Setting and ending need the right to change the person's current household (or the person, if none). */
    private void authorizeWrite(UUID personId, String purpose) {
        List<HouseholdView> households = people.householdsOf(personId);
        RecordScope scope = households.isEmpty()
                ? people.personScope(personId)
                : people.householdScope(currentHousehold(personId, households));
        access.authorize(PersonalDataAction.WRITE, scope, purpose);
    }

    private UUID currentHousehold(UUID personId, List<HouseholdView> households) {
        return jdbc.sql("""
                        select household_id from household_member
                        where municipality_id = ? and person_id = ? and member_to is null
                        order by created_at limit 1
                        """)
                .params(tenancy.municipalityId(), personId)
                .query(UUID.class)
                .optional()
                .orElse(households.getFirst().id());
    }

    /**
     * The persons living in a household with {@code personId} now, who may be named in a protection (masked views;
     * the page that shows them has audited the person read).
     */
    @Transactional(readOnly = true)
    public List<PersonView> householdMembersOf(UUID personId) {
        return coMembers(personId).stream()
                .filter(id -> !id.equals(personId))
                .map(people::findPerson)
                .toList();
    }

    /** The persons who live or lived in a household with {@code personId} now: who may be named in a protection. */
    private List<UUID> coMembers(UUID personId) {
        return jdbc.sql("""
                        select distinct o.person_id from household_member m join household_member o
                          on o.municipality_id = m.municipality_id and o.household_id = m.household_id
                        where m.municipality_id = ? and m.person_id = ? and m.member_to is null and o.member_to is null
                        """)
                .params(tenancy.municipalityId(), personId)
                .query(UUID.class)
                .list();
    }

    private void requirePrivacyOfficer() {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        RecordScope anyRecord = RecordScope.ownedBy(PROTECTION, tenancy.municipalityId(), actor.agencyId());
        if (!access.mayAccess(actor, PersonalDataAction.REVEAL, anyRecord)) {
            audit.record(new AuditEntry(AuditAction.ACCESS_DENIED, PROTECTION, null, "protection", Map.of()));
            throw new AccessDeniedException("privacy officers only");
        }
    }

    ProtectionView find(UUID protectionId) {
        return query("p.id = :id")
                .param("id", protectionId)
                .query((rs, i) -> row(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException(PROTECTION, protectionId));
    }

    private JdbcClient.StatementSpec query(String condition) {
        return jdbc.sql("""
                        select p.id, p.person_id, p.kind, p.valid_from, p.valid_until, p.requesting_office, p.ended_at,
                            p.ended_by, p.end_reason, p.created_at, p.created_by, p.version,
                            s.family_name, s.given_name,
                            (select array_agg(x.person_id order by x.created_at) from protection_member x
                             where x.municipality_id = p.municipality_id and x.protection_id = p.id) as members,
                            (select array_agg(coalesce(o.family_name || ' ' || o.given_name, o.family_name)
                                              order by x.created_at)
                             from protection_member x join person o on o.municipality_id = x.municipality_id
                               and o.id = x.person_id
                             where x.municipality_id = p.municipality_id and x.protection_id = p.id) as member_names,
                            (select h.id from household_member hm join household h
                               on h.municipality_id = hm.municipality_id and h.id = hm.household_id
                             where hm.municipality_id = p.municipality_id and hm.person_id = p.person_id
                             order by hm.member_to nulls first, hm.created_at limit 1) as household_id,
                            (select h.case_number from household_member hm join household h
                               on h.municipality_id = hm.municipality_id and h.id = hm.household_id
                             where hm.municipality_id = p.municipality_id and hm.person_id = p.person_id
                             order by hm.member_to nulls first, hm.created_at limit 1) as case_number
                        from protection p join person s on s.municipality_id = p.municipality_id and s.id = p.person_id
                        where p.municipality_id = :m and (%s)
                        order by p.created_at desc
                        """.formatted(condition)).param("m", tenancy.municipalityId());
    }

    private static ProtectionView row(ResultSet rs) throws SQLException {
        String given = rs.getString("given_name");
        Timestamp ended = rs.getTimestamp("ended_at");
        java.sql.Array members = rs.getArray("members");
        java.sql.Array names = rs.getArray("member_names");
        List<UUID> memberIds = new ArrayList<>();
        if (members != null) {
            for (Object o : (Object[]) members.getArray()) {
                memberIds.add(o instanceof UUID u ? u : UUID.fromString(o.toString()));
            }
        }
        List<String> memberNames = new ArrayList<>();
        if (names != null) {
            for (Object o : (Object[]) names.getArray()) {
                memberNames.add(o.toString());
            }
        }
        return new ProtectionView(
                rs.getObject("id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getString("family_name") + (given == null ? "" : " " + given),
                ProtectionKind.valueOf(rs.getString("kind")),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getString("requesting_office"),
                memberIds,
                memberNames,
                rs.getObject("household_id", UUID.class),
                rs.getString("case_number"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                ended == null ? null : ended.toInstant(),
                rs.getString("ended_by"),
                rs.getString("end_reason"),
                rs.getInt("version"));
    }

    LocalDate today() {
        return Japan.today(clock);
    }
}
