package org.marugoto.outreach.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marugoto.outreach.OutreachStage;
import org.marugoto.outreach.OutreachView;
import org.springframework.web.util.HtmlUtils;

/**
 * The engagement over time as a small server-drawn SVG: attempts per month as bars, the stage as a step line with a
 * dot at each change. No script, no inline style (the CSP forbids both); colours come from the stylesheet's classes.
 * The page shows the same numbers as a table next to it (the text alternative).
 */
final class OutreachChart {

    static final int MAX_MONTHS = 24;
    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 36;
    static final int RIGHT = 12;
    static final int TOP = 16;
    static final int BAR_BOTTOM = 190;

    private OutreachChart() {}

    /** Attempts per month, from the month of the first concern (at most the last 24 months) to this month. */
    static Map<YearMonth, Integer> attemptsPerMonth(OutreachView view, LocalDate today) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = YearMonth.from(view.firstConcernOn());
        if (first.isAfter(last)) {
            first = last;
        }
        if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
            first = last.minusMonths(MAX_MONTHS - 1);
        }
        Map<YearMonth, Integer> months = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.put(m, 0);
        }
        for (OutreachView.Attempt a : view.attempts()) {
            months.computeIfPresent(
                    YearMonth.from(a.attemptedAt().atZone(org.marugoto.shared.Japan.ZONE)), (m, n) -> n + 1);
        }
        return months;
    }

    /** Days since the first concern. */
    static long daysSinceFirstConcern(OutreachView view, LocalDate today) {
        return ChronoUnit.DAYS.between(view.firstConcernOn(), today);
    }

    /**
     * The SVG markup. {@code title} names the chart for screen readers (the table beside it carries the numbers);
     * stage labels come from the municipality's stage table in the given locale.
     */
    static String svg(
            OutreachView view, Map<String, OutreachStage> stages, LocalDate today, Locale locale, String title) {
        Map<YearMonth, Integer> months = attemptsPerMonth(view, today);
        List<YearMonth> keys = new ArrayList<>(months.keySet());
        int n = keys.size();
        double slot = (double) (WIDTH - LEFT - RIGHT) / n;
        int max = Math.max(
                1, months.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        StringBuilder svg = new StringBuilder();
        String id = "outreach-chart-" + view.id();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"outreach-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"")
                .append(id)
                .append("-title\" preserveAspectRatio=\"xMidYMid meet\">");
        svg.append("<title id=\"")
                .append(id)
                .append("-title\">")
                .append(esc(title))
                .append("</title>");
        // axis
        svg.append(line(LEFT, BAR_BOTTOM, WIDTH - RIGHT, BAR_BOTTOM, "chart-axis"));
        svg.append(text(LEFT - 6, BAR_BOTTOM, String.valueOf(0), "chart-label chart-label--end"));
        svg.append(text(LEFT - 6, TOP + 8, String.valueOf(max), "chart-label chart-label--end"));
        // bars: attempts per month
        int barArea = BAR_BOTTOM - TOP - 40;
        for (int i = 0; i < n; i++) {
            int count = months.getOrDefault(keys.get(i), 0);
            double x = LEFT + i * slot + slot * 0.2;
            double h = (double) count / max * barArea;
            if (count > 0) {
                svg.append("<rect class=\"chart-bar\" x=\"")
                        .append(fmt(x))
                        .append("\" y=\"")
                        .append(fmt(BAR_BOTTOM - h))
                        .append("\" width=\"")
                        .append(fmt(slot * 0.6))
                        .append("\" height=\"")
                        .append(fmt(h))
                        .append("\"><title>")
                        .append(esc(keys.get(i) + ": " + count))
                        .append("</title></rect>");
            }
            boolean labelled = n <= 12 || i % 3 == 0 || i == n - 1;
            if (labelled) {
                svg.append(text(
                        LEFT + i * slot + slot / 2,
                        BAR_BOTTOM + 16,
                        keys.get(i).getMonthValue() == 1 || i == 0
                                ? keys.get(i).getYear() % 100 + "/"
                                        + keys.get(i).getMonthValue()
                                : String.valueOf(keys.get(i).getMonthValue()),
                        "chart-label chart-label--middle"));
            }
        }
        // the stage as a step line: higher means further along
        List<OutreachStage> ordered = new ArrayList<>(stages.values());
        double stageTop = TOP;
        double stageStep = (double) (BAR_BOTTOM - TOP - 10) / Math.max(1, ordered.size());
        LocalDate start = keys.getFirst().atDay(1);
        LocalDate end = keys.getLast().atEndOfMonth();
        long span = Math.max(1, ChronoUnit.DAYS.between(start, end));
        StringBuilder path = new StringBuilder();
        double lastY = -1;
        List<String> dots = new ArrayList<>();
        for (OutreachView.StageChange c : view.stageChanges()) {
            LocalDate on = c.changedOn().isBefore(start) ? start : c.changedOn();
            double x = LEFT + (double) ChronoUnit.DAYS.between(start, on) / span * (WIDTH - LEFT - RIGHT);
            int level = indexOf(ordered, c.toStage());
            double y = BAR_BOTTOM - 10 - (level + 1) * stageStep + stageStep / 2;
            y = Math.max(stageTop, y);
            if (path.isEmpty()) {
                path.append('M').append(fmt(x)).append(' ').append(fmt(y));
            } else {
                path.append(" H").append(fmt(x)).append(" V").append(fmt(y));
            }
            lastY = y;
            OutreachStage stage = level >= 0 ? ordered.get(level) : null;
            String label = stage == null ? c.toStage() : stage.label(locale);
            dots.add("<circle class=\"chart-stage-dot\" cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"4\"><title>"
                    + esc(c.changedOn() + " " + label) + "</title></circle>");
        }
        if (!path.isEmpty()) {
            LocalDate until = view.open() ? today : view.stageSince();
            double endX = LEFT
                    + (double) ChronoUnit.DAYS.between(start, until.isAfter(end) ? end : until)
                            / span
                            * (WIDTH - LEFT - RIGHT);
            path.append(" H").append(fmt(endX));
            svg.append("<path class=\"chart-stage\" d=\"").append(path).append("\"/>");
            dots.forEach(svg::append);
            OutreachStage current = stages.get(view.stage());
            svg.append(text(
                    Math.min(endX, WIDTH - RIGHT - 2),
                    Math.max(TOP + 10, lastY - 8),
                    current == null ? view.stage() : current.label(locale),
                    "chart-label chart-label--end chart-stage-label"));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static int indexOf(List<OutreachStage> ordered, String code) {
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    private static String line(int x1, int y1, int x2, int y2, String css) {
        return "<line class=\"" + css + "\" x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\"/>";
    }

    private static String text(double x, double y, String text, String css) {
        return "<text class=\"" + css + "\" x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\">" + esc(text) + "</text>";
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
