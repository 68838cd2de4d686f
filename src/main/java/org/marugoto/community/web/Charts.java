package org.marugoto.community.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.marugoto.community.domain.AreaFigures;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A small server-side SVG bar chart of an area's indicators beside the city's. Decorative for screen readers
 * ({@code aria-hidden}): the same figures are in the table next to it.
 */
final class Charts {

    private Charts() {}

    record Bar(
            String label, @Nullable Double area, @Nullable Double city) {}

    static String indicators(AreaFigures f, MessageSource messages, Locale locale) {
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar(
                messages.getMessage("community.area.placesPerThousand", null, locale),
                f.placesPerThousand(),
                f.cityPlacesPerThousand()));
        bars.add(new Bar(
                messages.getMessage("community.area.consultationsPerThousand", null, locale),
                f.consultationsPerThousand(),
                f.cityConsultationsPerThousand()));
        String areaLabel = f.area().name();
        String cityLabel = messages.getMessage("community.area.city", null, locale);
        int width = 340;
        int rowHeight = 70;
        int height = 30 + bars.size() * rowHeight;
        StringBuilder svg = new StringBuilder();
        svg.append(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" aria-hidden=\"true\" focusable=\"false\" ")
                .append("viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">");
        // legend
        svg.append("<rect x=\"0\" y=\"4\" width=\"14\" height=\"14\" fill=\"#0017c1\"/>")
                .append("<text x=\"20\" y=\"16\" font-size=\"13\">")
                .append(HtmlUtils.htmlEscape(areaLabel))
                .append("</text>")
                .append("<rect x=\"170\" y=\"4\" width=\"14\" height=\"14\" fill=\"#949497\"/>")
                .append("<text x=\"190\" y=\"16\" font-size=\"13\">")
                .append(HtmlUtils.htmlEscape(cityLabel))
                .append("</text>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double max = Math.max(value(bar.area()), value(bar.city()));
            double scale = max == 0 ? 0 : 220 / max;
            int y = 30 + i * rowHeight;
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 14)
                    .append("\" font-size=\"13\" font-weight=\"700\">")
                    .append(HtmlUtils.htmlEscape(bar.label()))
                    .append("</text>");
            bar(svg, y + 20, bar.area(), scale, "#0017c1");
            bar(svg, y + 42, bar.city(), scale, "#949497");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, int y, @Nullable Double value, double scale, String colour) {
        int length = (int) Math.round(value(value) * scale);
        svg.append("<rect x=\"0\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(Math.max(length, 1))
                .append("\" height=\"18\" fill=\"")
                .append(colour)
                .append("\"/>")
                .append("<text x=\"")
                .append(Math.max(length, 1) + 6)
                .append("\" y=\"")
                .append(y + 14)
                .append("\" font-size=\"13\">")
                .append(value == null ? "—" : String.format(Locale.ROOT, "%.1f", value))
                .append("</text>");
    }

    private static double value(@Nullable Double d) {
        return d == null ? 0 : d;
    }
}
