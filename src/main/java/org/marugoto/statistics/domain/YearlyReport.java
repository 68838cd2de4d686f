package org.marugoto.statistics.domain;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The yearly report a municipality sends for 重層的支援体制整備事業: the figures of one fiscal year (April to March) for
 * the whole city, per project of 社会福祉法第106条の4第2項 (包括的相談支援, 多機関協働, アウトリーチ等を通じた継続的支援,
 * 参加支援, 地域づくり), all counted from the records. Written as a workbook and a PDF from this one object.
 *
 * @param fiscalYear the fiscal year (Western, the year of its April)
 * @param label the year in the Japanese era and in Western years ("令和8年度（2026年度）")
 * @param from the first day (1 April)
 * @param to the last day (31 March), or today while the year is running
 * @param made the day the report was made
 * @param complete whether the year is over (otherwise the figures are so far)
 * @param projects the projects, in the order of the report
 */
public record YearlyReport(
        int fiscalYear,
        String label,
        LocalDate from,
        LocalDate to,
        LocalDate made,
        boolean complete,
        List<Project> projects) {

    /** One project: its name, the article that provides for it, and its figures. */
    public record Project(String name, String basis, List<Item> items) {}

    /**
     * One figure: what is counted, the count or a measure (a share in %, a median in days), its unit, and whether it is
     * a breakdown of the figure above it (うち…).
     */
    public record Item(String label, @Nullable Double value, boolean whole, String unit, boolean breakdown) {

        public String text() {
            if (value == null) {
                return "—";
            }
            return whole ? Long.toString(Math.round(value)) : String.format(java.util.Locale.ROOT, "%.1f", value);
        }
    }
}
