package org.marugoto.people.domain;

import java.util.List;
import java.util.UUID;

/**
 * A registration stopped because persons already recorded may be the same person: the form shows them first. Also
 * names the agencies (never the records) at which the person probably exists but that the user's agency may not see.
 */
public class PossibleDuplicates extends RuntimeException {

    private final transient List<SearchHit> hits;
    private final transient List<UUID> elsewhere;

    public PossibleDuplicates(List<SearchHit> hits) {
        this(hits, List.of());
    }

    public PossibleDuplicates(List<SearchHit> hits, List<UUID> elsewhere) {
        super("possible duplicates: " + hits.size() + ", elsewhere: " + elsewhere.size());
        this.hits = List.copyOf(hits);
        this.elsewhere = List.copyOf(elsewhere);
    }

    public List<SearchHit> hits() {
        return hits;
    }

    /** The agencies that probably hold a record of the person and that the user's agency may not see. */
    public List<UUID> elsewhere() {
        return elsewhere;
    }
}
