package org.marugoto.planning.web;

import java.math.BigDecimal;
import org.marugoto.planning.domain.IndicatorService;
import org.springframework.web.util.HtmlUtils;

/**
 * An indicator's years as an SVG chart drawn on the server (no script): a bar per year for the figure and a short
 * dark line for the target. It has a title and a description; the table next to it, with the same figures, is its
 * text alternative, which the description says. It fits 340 px wide, so a phone shows it whole.
 */
final class IndicatorChart {

    static final int WIDTH = 340;
    static final int HEIGHT = 170;
    static final int PLOT_TOP = 10;
    static final int PLOT_BOTTOM = 140;

    private IndicatorChart() {}

    static String svg(IndicatorService.Series series, String description, String figureLabel, String targetLabel) {
        double max = series.indicator().baselineValue().doubleValue();
        for (IndicatorService.YearFigure f : series.years()) {
            max = Math.max(max, f.target() == null ? 0 : f.target().doubleValue());
            max = Math.max(max, f.value() == null ? 0 : f.value().doubleValue());
        }
        if (max <= 0) {
            max = 1;
        }
        int n = Math.max(1, series.years().size());
        int slot = (WIDTH - 10) / n;
        String id = "chart-" + series.indicator().code().replaceAll("[^A-Za-z0-9_-]", "_");
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
                .append(HEIGHT + 20)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"><title id=\"")
                .append(id)
                .append("-title\">")
                .append(escape(series.indicator().name()))
                .append("</title><desc id=\"")
                .append(id)
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
        svg.append("<line x1=\"0\" y1=\"")
                .append(PLOT_BOTTOM)
                .append("\" x2=\"")
                .append(WIDTH)
                .append("\" y2=\"")
                .append(PLOT_BOTTOM)
                .append("\" stroke=\"#767676\"/>");
        for (int i = 0; i < series.years().size(); i++) {
            IndicatorService.YearFigure f = series.years().get(i);
            int x = 5 + i * slot;
            BigDecimal value = f.value();
            if (value != null) {
                int h = (int) Math.round(value.doubleValue() / max * (PLOT_BOTTOM - PLOT_TOP));
                svg.append("<rect x=\"")
                        .append(x + slot / 4)
                        .append("\" y=\"")
                        .append(PLOT_BOTTOM - h)
                        .append("\" width=\"")
                        .append(slot / 2)
                        .append("\" height=\"")
                        .append(h)
                        .append("\" fill=\"#0017c1\"><title>")
                        .append(escape(f.fiscalYear() + " " + figureLabel + " " + plain(value)))
                        .append("</title></rect>");
            }
            BigDecimal target = f.target();
            if (target != null) {
                int y = PLOT_BOTTOM - (int) Math.round(target.doubleValue() / max * (PLOT_BOTTOM - PLOT_TOP));
                svg.append("<line x1=\"")
                        .append(x + 2)
                        .append("\" x2=\"")
                        .append(x + slot - 2)
                        .append("\" y1=\"")
                        .append(y)
                        .append("\" y2=\"")
                        .append(y)
                        .append("\" stroke=\"#d16d00\" stroke-width=\"3\" stroke-dasharray=\"6 3\"><title>")
                        .append(escape(f.fiscalYear() + " " + targetLabel + " " + plain(target)))
                        .append("</title></line>");
            }
            svg.append("<text x=\"")
                    .append(x + slot / 2)
                    .append("\" y=\"")
                    .append(PLOT_BOTTOM + 16)
                    .append("\" font-size=\"12\" text-anchor=\"middle\">")
                    .append(f.fiscalYear())
                    .append("</text>");
        }
        svg.append("<rect x=\"5\" y=\"")
                .append(HEIGHT + 2)
                .append("\" width=\"12\" height=\"12\" fill=\"#0017c1\"/><text x=\"22\" y=\"")
                .append(HEIGHT + 12)
                .append("\" font-size=\"12\">")
                .append(escape(figureLabel))
                .append("</text><line x1=\"120\" x2=\"140\" y1=\"")
                .append(HEIGHT + 8)
                .append("\" y2=\"")
                .append(HEIGHT + 8)
                .append("\" stroke=\"#d16d00\" stroke-width=\"3\" stroke-dasharray=\"6 3\"/><text x=\"146\" y=\"")
                .append(HEIGHT + 12)
                .append("\" font-size=\"12\">")
                .append(escape(targetLabel))
                .append("</text></svg>");
        return svg.toString();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
