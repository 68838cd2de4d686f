package org.marugoto.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.CounterView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agencies and their counters: unique codes, existing areas, and every change audited. */
@Service
public class DirectoryService implements DirectoryApi {

    private final AgencyRepository agencies;
    private final CounterRepository counters;
    private final AreaApi areas;
    private final Tenancy tenancy;
    private final AuditApi audit;

    DirectoryService(
            AgencyRepository agencies, CounterRepository counters, AreaApi areas, Tenancy tenancy, AuditApi audit) {
        this.agencies = agencies;
        this.counters = counters;
        this.areas = areas;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AgencyView> agencies() {
        return agencies.findByMunicipalityIdOrderByCode(tenancy.municipalityId()).stream()
                .map(Agency::view)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AgencyView> agency(UUID id) {
        return agencies.findByMunicipalityIdAndId(tenancy.municipalityId(), id).map(Agency::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AgencyView> agencyByCode(String code) {
        return agencies.findByMunicipalityIdAndCode(tenancy.municipalityId(), code)
                .map(Agency::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CounterView> counters(UUID agencyId) {
        return counters.findByMunicipalityIdAndAgencyIdOrderByCode(tenancy.municipalityId(), agencyId).stream()
                .map(Counter::view)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CounterView> counter(UUID id) {
        return counters.findByMunicipalityIdAndId(tenancy.municipalityId(), id).map(Counter::view);
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public AgencyView createAgency(AgencyCommand command) {
        AgencyView created = insertAgency(command);
        audit.record(AuditEntry.of(AuditAction.CREATE, "agency", created.id()));
        return created;
    }

    /** Creates the agency unless one with the same code exists (used by the demo municipality). */
    @Transactional
    public AgencyView ensureAgency(AgencyCommand command) {
        return agencyByCode(command.code()).orElseGet(() -> insertAgency(command));
    }

    private AgencyView insertAgency(AgencyCommand command) {
        checkArea(command.areaId());
        checkAgencyCodeFree(null, command.code());
        Agency agency =
                new Agency(Ids.newId(), tenancy.municipalityId(), command.code(), command.name(), command.kind());
        agency.apply(command);
        return saveAgency(agency).view();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public AgencyView updateAgency(UUID id, int seenVersion, AgencyCommand command) {
        Agency agency = agencies.findByMunicipalityIdAndId(tenancy.municipalityId(), id)
                .orElseThrow(() -> new NotFoundException("agency", id));
        checkArea(command.areaId());
        checkAgencyCodeFree(id, command.code());
        agency.expectVersion(seenVersion);
        agency.apply(command);
        AgencyView saved = saveAgency(agency).view();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "agency", id));
        return saved;
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public CounterView createCounter(UUID agencyId, CounterCommand command) {
        CounterView created = insertCounter(agencyId, command);
        audit.record(AuditEntry.of(AuditAction.CREATE, "counter", created.id()));
        return created;
    }

    /** Creates the counter unless the agency has one with the same code (used by the demo municipality). */
    @Transactional
    public CounterView ensureCounter(UUID agencyId, CounterCommand command) {
        return counters.findByMunicipalityIdAndAgencyIdAndCode(tenancy.municipalityId(), agencyId, command.code())
                .map(Counter::view)
                .orElseGet(() -> insertCounter(agencyId, command));
    }

    private CounterView insertCounter(UUID agencyId, CounterCommand command) {
        agency(agencyId).orElseThrow(() -> new NotFoundException("agency", agencyId));
        checkArea(command.areaId());
        checkCounterCodeFree(agencyId, null, command.code());
        Counter counter = new Counter(Ids.newId(), tenancy.municipalityId(), agencyId, command.code(), command.name());
        counter.apply(command);
        return saveCounter(counter).view();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public CounterView updateCounter(UUID id, int seenVersion, CounterCommand command) {
        Counter counter = counters.findByMunicipalityIdAndId(tenancy.municipalityId(), id)
                .orElseThrow(() -> new NotFoundException("counter", id));
        checkArea(command.areaId());
        checkCounterCodeFree(counter.agencyId(), id, command.code());
        counter.expectVersion(seenVersion);
        counter.apply(command);
        CounterView saved = saveCounter(counter).view();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "counter", id));
        return saved;
    }

    private void checkArea(@Nullable UUID areaId) {
        if (areaId != null && areas.find(areaId).isEmpty()) {
            throw new RuleViolation("areaId", "directory.error.areaMissing");
        }
    }

    private void checkAgencyCodeFree(@Nullable UUID self, String code) {
        agencies.findByMunicipalityIdAndCode(tenancy.municipalityId(), code)
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new RuleViolation("code", "directory.error.codeTaken");
                });
    }

    private void checkCounterCodeFree(UUID agencyId, @Nullable UUID self, String code) {
        counters.findByMunicipalityIdAndAgencyIdAndCode(tenancy.municipalityId(), agencyId, code)
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new RuleViolation("code", "directory.error.codeTaken");
                });
    }

    private Agency saveAgency(Agency agency) {
        try {
            return agencies.save(agency);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("code", "directory.error.codeTaken");
        }
    }

    private Counter saveCounter(Counter counter) {
        try {
            return counters.save(counter);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("code", "directory.error.codeTaken");
        }
    }
}
