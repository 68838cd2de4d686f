package org.marugoto.directory.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface AgencyRepository extends ListCrudRepository<Agency, UUID> {

    List<Agency> findByMunicipalityIdOrderByCode(UUID municipalityId);

    Optional<Agency> findByMunicipalityIdAndId(UUID municipalityId, UUID id);

    Optional<Agency> findByMunicipalityIdAndCode(UUID municipalityId, String code);
}
