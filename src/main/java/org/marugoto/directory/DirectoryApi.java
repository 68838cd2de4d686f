package org.marugoto.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Read access to agencies, counters and services for other modules. */
public interface DirectoryApi {

    List<AgencyView> agencies();

    /** Every agency's name by its id, for pages and documents that name the agencies of records. */
    default java.util.Map<java.util.UUID, String> agencyNames() {
        java.util.Map<java.util.UUID, String> names = new java.util.HashMap<>();
        agencies().forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    Optional<AgencyView> agency(UUID id);

    Optional<AgencyView> agencyByCode(String code);

    List<CounterView> counters(UUID agencyId);

    Optional<CounterView> counter(UUID id);

    /** The agency's services, active and inactive, by code. */
    List<ServiceView> services(UUID agencyId);

    Optional<ServiceView> service(UUID id);

    /**
     * The agencies a case with this issue can be referred to (つなぎ先): active agencies that accept referrals and
     * have an active service that accepts referrals, handles the issue and serves the area (the service lists the
     * area or one of its ancestors, or lists none and so serves the whole municipality). A null area asks for any
     * area. Ordered by agency code.
     */
    List<AgencyView> agenciesHandling(String issueCode, @Nullable UUID areaId);
}
