package org.marugoto.casework;

/** A case on the household page: its number and status for everyone who sees the household, more for the team. */
public record HouseholdCase(CaseView view, boolean accessible) {}
