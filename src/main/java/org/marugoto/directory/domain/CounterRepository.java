package org.marugoto.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface CounterRepository extends ListCrudRepository<Counter, UUID> {

    List<Counter> findByMunicipalityIdAndAgencyIdOrderByCode(UUID municipalityId, UUID agencyId);

    Optional<Counter> findByMunicipalityIdAndId(UUID municipalityId, UUID id);

    Optional<Counter> findByMunicipalityIdAndAgencyIdAndCode(UUID municipalityId, UUID agencyId, String code);
}
