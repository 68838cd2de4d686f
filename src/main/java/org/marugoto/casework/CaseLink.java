package org.marugoto.casework;

import java.util.UUID;

/**
 * A case's number and whether the current user may open the case, for pages that belong to the case but not to its
 * team (a 支援会議 member from another agency). The number says nothing about the person.
 */
public record CaseLink(UUID id, String caseNumber, boolean accessible) {}
