package org.marugoto.directory.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface SupportServiceRepository extends ListCrudRepository<SupportService, UUID> {

    Optional<SupportService> findByMunicipalityIdAndId(UUID municipalityId, UUID id);

    boolean existsByMunicipalityIdAndAgencyIdAndCode(UUID municipalityId, UUID agencyId, String code);

    Optional<SupportService> findByMunicipalityIdAndAgencyIdAndCode(UUID municipalityId, UUID agencyId, String code);
}
