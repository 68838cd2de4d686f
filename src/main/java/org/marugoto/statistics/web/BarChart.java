package org.marugoto.statistics.web;

import java.util.List;
import org.marugoto.statistics.domain.Report;
import org.springframework.web.util.HtmlUtils;

/**
 * A report's first figure per row as a horizontal bar chart, drawn on the server as SVG (no script, no external
 * service). Each row's label sits above its bar so that long agency and area names fit at 390 px. The SVG has a title
 * and a description; the report's table beside it is the text alternative, which the description says.
 */
final class BarChart {

    static final int WIDTH = 340;
    static final int ROW = 46;
    static final int BAR_MAX = 260;

    private BarChart() {}

    /** The chart, or "" when no row has a figure to draw. */
    static String svg(Report report, String description, String hiddenMarker) {
        List<Report.Row> rows =
                report.rows().stream().filter(Report.Row::charted).toList();
        if (rows.isEmpty()) {
            return "";
        }
        double max = 0;
        for (Report.Row row : rows) {
            Report.Cell cell = Report.first(row);
            Double value = cell == null ? null : cell.value();
            if (value != null) {
                max = Math.max(max, value);
            }
        }
        String id = "chart-" + report.key();
        int height = rows.size() * ROW + 6;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" id=\"")
                .append(id)
                .append("\" aria-labelledby=\"")
                .append(id)
                .append("-title ")
                .append(id)
                .append("-desc\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
                .append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(report.title()))
                .append("</title><desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
        for (int i = 0; i < rows.size(); i++) {
            Report.Row row = rows.get(i);
            Report.Cell cell = Report.first(row);
            int y = i * ROW;
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 15)
                    .append("\" font-size=\"13\">")
                    .append(escape(row.label()))
                    .append("</text>");
            Double figure = cell == null ? null : cell.value();
            double value = figure == null ? 0 : figure;
            int length = max == 0 ? 0 : (int) Math.round(value / max * BAR_MAX);
            if (length > 0) {
                svg.append("<rect x=\"0\" y=\"")
                        .append(y + 21)
                        .append("\" width=\"")
                        .append(length)
                        .append("\" height=\"18\" fill=\"#0017c1\"/>");
            }
            svg.append("<text x=\"")
                    .append(length + 6)
                    .append("\" y=\"")
                    .append(y + 35)
                    .append("\" font-size=\"13\" font-weight=\"700\">")
                    .append(escape(cell == null ? "—" : cell.text(hiddenMarker)))
                    .append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
