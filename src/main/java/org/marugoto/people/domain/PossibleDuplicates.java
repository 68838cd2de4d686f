package org.marugoto.people.domain;

import java.util.List;

/** A registration stopped because persons already recorded may be the same person: the form shows them first. */
public class PossibleDuplicates extends RuntimeException {

    private final transient List<SearchHit> hits;

    public PossibleDuplicates(List<SearchHit> hits) {
        super("possible duplicates: " + hits.size());
        this.hits = List.copyOf(hits);
    }

    public List<SearchHit> hits() {
        return hits;
    }
}
