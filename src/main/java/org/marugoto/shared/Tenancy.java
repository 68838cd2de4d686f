package org.marugoto.shared;

import java.util.UUID;

/**
 * The municipality (tenant) this installation serves. Every table carries its id as {@code municipality_id}; one
 * installation serves one municipality today, and the column leads every key so that several can share a cluster.
 */
public interface Tenancy {

    UUID municipalityId();

    String municipalityName();
}
