package org.marugoto.outreach.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.marugoto.outreach.OutreachView;

/**
 * The people around the person, changed after opening: one row per key person (its id, or empty for a new one), the
 * rows keeping their positions, and the version of the record the user saw.
 */
record KeyPersonsForm(
        String version, List<String> keyId, List<String> keyName, List<String> keyRelation, List<String> keyNote) {

    /** Empty rows offered below the existing ones for new key persons. */
    static final int NEW_ROWS = 2;

    KeyPersonsForm(
            @Nullable String version,
            @Nullable List<String> keyId,
            @Nullable List<String> keyName,
            @Nullable List<String> keyRelation,
            @Nullable List<String> keyNote) {
        this.version = OutreachForm.text(version);
        this.keyId = plain(keyId);
        // at least the empty rows for new key persons, so that the page always has rows to write in
        List<String> names = new ArrayList<>(plain(keyName));
        while (names.size() < NEW_ROWS) {
            names.add("");
        }
        this.keyName = List.copyOf(names);
        this.keyRelation = plain(keyRelation);
        this.keyNote = plain(keyNote);
    }

    /** The rows as the record is now, and empty rows for new key persons. */
    static KeyPersonsForm of(OutreachView view) {
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (OutreachView.KeyPerson k : view.keyPersons()) {
            ids.add(k.id().toString());
            names.add(k.name());
            relations.add(k.relation());
            notes.add(k.note() == null ? "" : k.note());
        }
        for (int i = 0; i < NEW_ROWS; i++) {
            ids.add("");
            names.add("");
            relations.add("");
            notes.add("");
        }
        return new KeyPersonsForm(String.valueOf(view.version()), ids, names, relations, notes);
    }

    /** The value of a row, or empty when the request carried fewer values. */
    static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static List<String> plain(@Nullable List<String> l) {
        List<String> values = new ArrayList<>();
        if (l != null) {
            l.forEach(s -> values.add(s == null ? "" : s));
        }
        return List.copyOf(values);
    }

    @Override
    public String toString() {
        return "KeyPersonsForm[" + keyName.size() + " rows]";
    }
}
