package org.marugoto.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to agencies and counters for other modules. */
public interface DirectoryApi {

    List<AgencyView> agencies();

    Optional<AgencyView> agency(UUID id);

    Optional<AgencyView> agencyByCode(String code);

    List<CounterView> counters(UUID agencyId);

    Optional<CounterView> counter(UUID id);
}
