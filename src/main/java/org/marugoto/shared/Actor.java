package org.marugoto.shared;

import java.util.Set;
import java.util.UUID;

/**
 * Who is acting: implemented by the authenticated principal so that every module (audit, record metadata, layout)
 * can name the actor without depending on the access module.
 */
public interface Actor {

    UUID accountId();

    String username();

    String displayName();

    UUID municipalityId();

    UUID agencyId();

    String agencyName();

    /** Role names without the {@code ROLE_} prefix, e.g. {@code CASEWORKER}. */
    Set<String> roleNames();
}
