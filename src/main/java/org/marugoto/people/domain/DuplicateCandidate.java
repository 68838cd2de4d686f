package org.marugoto.people.domain;

import java.util.List;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.PersonView;

/** A person already recorded who may be the one being registered, with the reasons (message keys) why. */
public record DuplicateCandidate(PersonView person, List<HouseholdView> households, int score, List<String> reasons) {}
