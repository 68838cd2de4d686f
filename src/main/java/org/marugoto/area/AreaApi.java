package org.marugoto.area;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to the area hierarchy for other modules. */
public interface AreaApi {

    /** All areas, each after its parent (depth-first, by code), so that a list reads as a tree. */
    List<AreaView> tree();

    Optional<AreaView> find(UUID id);

    Optional<AreaView> findByCode(String code);
}
