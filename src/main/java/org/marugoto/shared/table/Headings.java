package org.marugoto.shared.table;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the columns of an import file by their headings: width, spaces, brackets and a byte order mark do not matter,
 * and the column's name in code (e.g. {@code agency_code}) is accepted as well as its Japanese heading.
 */
public final class Headings {

    private Headings() {}

    /**
     * The index of each known column in the heading row; an error (message codes {@code import.error.missingColumn}
     * and {@code import.error.headingTwice}) for a required column that is missing or a heading named twice.
     */
    public static Map<String, Integer> index(List<String> header, List<Column> columns, List<RowError> errors) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = normalise(header.get(i));
            for (Column c : columns) {
                if (h.equals(normalise(c.heading())) || h.equals(c.name())) {
                    if (index.putIfAbsent(c.name(), i) != null) {
                        errors.add(new RowError(1, c.heading(), "import.error.headingTwice", List.of(c.heading())));
                    }
                }
            }
        }
        for (Column c : columns) {
            if (c.required() && !index.containsKey(c.name())) {
                errors.add(new RowError(1, c.heading(), "import.error.missingColumn", List.of(c.heading())));
            }
        }
        return index;
    }

    /** The row's cells by column name, stripped ("" for a column the file does not have). */
    public static Map<String, String> values(List<String> row, List<Column> columns, Map<String, Integer> index) {
        Map<String, String> values = new HashMap<>();
        for (Column c : columns) {
            Integer at = index.get(c.name());
            values.put(
                    c.name(), at == null || at >= row.size() ? "" : row.get(at).strip());
        }
        return values;
    }

    static String normalise(String heading) {
        return Normalizer.normalize(heading, Normalizer.Form.NFKC)
                .replace("\uFEFF", "")
                .replaceAll("[\\s()（）*＊]", "")
                .toLowerCase(Locale.ROOT);
    }
}
