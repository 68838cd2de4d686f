package org.marugoto.statistics.domain;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One report as the page, the chart, the CSV and the Excel file show it: the same rows and figures for all four.
 * Labels are already in the reader's language; counts hidden as small carry no value at all.
 *
 * @param key the report's name in URLs ({@code consultations-issue}…)
 * @param title the report's title
 * @param rowHeader the heading of the first column (what the rows are)
 * @param columns the headings of the figures
 * @param rows the rows, in order
 * @param suppressed whether small counts (1–4) were hidden in this report
 * @param note what the figures mean, shown under the title ("" when nothing needs saying)
 * @param footnote a figure about the table, shown under it ("" when none): how many age-group counts come from an
 *     approximate date of birth
 */
public record Report(
        String key,
        String title,
        String rowHeader,
        List<String> columns,
        List<Row> rows,
        boolean suppressed,
        String note,
        String footnote) {

    /** A row: its label, one cell per column, and whether the chart draws its first figure. */
    public record Row(String label, List<Cell> cells, boolean charted) {}

    /**
     * One figure: a count or a measure ({@code value}), a count hidden as small ({@code hidden}), or nothing to show
     * (null value, not hidden: "—").
     */
    public record Cell(@Nullable Double value, boolean hidden, boolean whole) {

        public static Cell count(long n, boolean suppress) {
            return suppress && n > 0 && n < StatisticsService.SMALL
                    ? new Cell(null, true, true)
                    : new Cell((double) n, false, true);
        }

        public static Cell measure(@Nullable Double value) {
            return new Cell(value, false, false);
        }

        /** The figure as text: "12", "3.5", the hidden marker, or "—". */
        public String text(String hiddenMarker) {
            if (hidden) {
                return hiddenMarker;
            }
            if (value == null) {
                return "—";
            }
            return whole ? Long.toString(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
        }
    }

    /** The figure the chart draws for a row: its first cell. */
    public static @Nullable Cell first(Row row) {
        return row.cells().isEmpty() ? null : row.cells().get(0);
    }
}
