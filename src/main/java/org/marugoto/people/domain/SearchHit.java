package org.marugoto.people.domain;

import java.util.List;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.PersonView;

/** A search result: the person, their current households, how likely the match is and why (message keys). */
public record SearchHit(PersonView person, List<HouseholdView> households, int score, List<String> reasons) {}
