package org.marugoto.people;

/**
 * A member's relationship to the household's key person (本人). The generation places members in the
 * genogram-style view: grandparents above parents above the key person above children.
 */
public enum Relationship {
    SELF(0),
    SPOUSE(0),
    PARTNER(0),
    SIBLING(0),
    PARENT(-1),
    GRANDPARENT(-2),
    CHILD(1),
    GRANDCHILD(2),
    OTHER_RELATIVE(0),
    OTHER(0);

    private final int generation;

    Relationship(int generation) {
        this.generation = generation;
    }

    public int generation() {
        return generation;
    }
}
