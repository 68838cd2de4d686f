package org.marugoto.outreach;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of the key persons as changed after opening: {@code id} names an existing key person, null adds one. */
public record KeyPersonEdit(
        @Nullable UUID id,
        String name,
        String relation,
        @Nullable String note) {

    /** Never prints the name. */
    @Override
    public String toString() {
        return "KeyPersonEdit[" + id + "]";
    }
}
