package org.marugoto.access.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface StaffAccountRepository extends ListCrudRepository<StaffAccount, UUID> {

    Optional<StaffAccount> findByMunicipalityIdAndId(UUID municipalityId, UUID id);

    Optional<StaffAccount> findByUsername(String username);
}
