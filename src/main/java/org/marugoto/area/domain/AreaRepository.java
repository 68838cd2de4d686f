package org.marugoto.area.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface AreaRepository extends ListCrudRepository<Area, UUID> {

    List<Area> findByMunicipalityId(UUID municipalityId);

    Optional<Area> findByMunicipalityIdAndCode(UUID municipalityId, String code);

    Optional<Area> findByMunicipalityIdAndId(UUID municipalityId, UUID id);
}
