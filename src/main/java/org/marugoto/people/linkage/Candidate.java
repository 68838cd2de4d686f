package org.marugoto.people.linkage;

import java.util.List;
import java.util.UUID;

/**
 * A pair of records the engine compared: the log2 likelihood ratio (Fellegi–Sunter weight), the posterior
 * probability that they are one person, the decision and the reasons.
 */
public record Candidate(UUID a, UUID b, double weight, double probability, Decision decision, List<Reason> reasons) {}
