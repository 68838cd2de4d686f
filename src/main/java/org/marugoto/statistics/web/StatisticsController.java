package org.marugoto.statistics.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marugoto.audit.AuditAction;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.pdf.PdfRenderer;
import org.marugoto.shared.pdf.PdfResponses;
import org.marugoto.shared.text.JapaneseDates;
import org.marugoto.statistics.domain.Period;
import org.marugoto.statistics.domain.Report;
import org.marugoto.statistics.domain.ScopeChoice;
import org.marugoto.statistics.domain.StatisticsService;
import org.marugoto.statistics.domain.YearlyReport;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The statistics page ({@code /statistics}) for coordinators, supervisors and planners: every report for the chosen
 * period and scope as a table with a chart, and each report as CSV or Excel. Every look and every download is audited.
 */
@Controller
class StatisticsController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatisticsService statistics;
    private final MessageSource messages;
    private final PdfRenderer pdf;
    private final Tenancy tenancy;

    StatisticsController(StatisticsService statistics, MessageSource messages, PdfRenderer pdf, Tenancy tenancy) {
        this.statistics = statistics;
        this.messages = messages;
        this.pdf = pdf;
        this.tenancy = tenancy;
    }

    @GetMapping("/statistics")
    String page(@ModelAttribute("form") StatisticsForm form, Model model, Locale locale) {
        Actor actor = actor();
        Period period = statistics.period(form.period());
        ScopeChoice scope = statistics.scope(actor, form.scope(), locale);
        List<Report> reports = statistics.reports(period, scope, locale);
        statistics.audit(AuditAction.READ, period, scope, null, null);
        String hidden = hiddenMarker(locale);
        Map<String, String> charts = new LinkedHashMap<>();
        for (Report report : reports) {
            charts.put(
                    report.key(), BarChart.svg(report, msg("statistics.chart.desc", locale, report.title()), hidden));
        }
        model.addAttribute("form", new StatisticsForm(period.code(), scope.code(), ""));
        model.addAttribute("period", period);
        model.addAttribute("periodLabel", period.label(locale));
        model.addAttribute("scope", scope);
        model.addAttribute("periods", Period.choices(statistics.today()));
        model.addAttribute("scopes", statistics.scopes(actor, locale));
        model.addAttribute("reports", reports);
        model.addAttribute("charts", charts);
        model.addAttribute("hidden", hidden);
        model.addAttribute("yearly", Period.fiscalYear(Period.fiscalYearOf(period.from())));
        return "statistics/report";
    }

    /** The coordinator's and the supervisor's dashboards (linked from the home page); audited as a look. */
    @GetMapping("/statistics/dashboard")
    String dashboard(Model model, Locale locale) {
        Actor actor = actor();
        if (!StatisticsService.hasDashboard(actor)) {
            throw new AccessDeniedException("dashboard");
        }
        List<Report> reports = statistics.dashboard(actor, locale);
        Period today =
                Period.month(statistics.today().getYear(), statistics.today().getMonthValue());
        statistics.audit(AuditAction.READ, today, statistics.scope(actor, "city", locale), "dashboard", null);
        String hidden = hiddenMarker(locale);
        Map<String, String> charts = new LinkedHashMap<>();
        for (Report report : reports) {
            charts.put(
                    report.key(), BarChart.svg(report, msg("statistics.chart.desc", locale, report.title()), hidden));
        }
        model.addAttribute(
                "coordinatorReports",
                reports.stream().filter(r -> COORDINATOR_DASH.contains(r.key())).toList());
        model.addAttribute(
                "supervisorReports",
                reports.stream()
                        .filter(r -> !COORDINATOR_DASH.contains(r.key()))
                        .toList());
        model.addAttribute("charts", charts);
        model.addAttribute("hidden", hidden);
        return "statistics/dashboard";
    }

    private static final List<String> COORDINATOR_DASH =
            List.of("dash-overdue", "dash-cases", "dash-meetings", "dash-outreach");

    @GetMapping("/statistics/report.csv")
    ResponseEntity<byte[]> csv(@ModelAttribute("form") StatisticsForm form) {
        Locale ja = Locale.JAPANESE;
        Download d = download(form, "csv", ja);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(d, "csv"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Downloads.csv(d.report(), hiddenMarker(ja)));
    }

    @GetMapping("/statistics/report.xlsx")
    ResponseEntity<byte[]> xlsx(@ModelAttribute("form") StatisticsForm form) {
        Locale ja = Locale.JAPANESE;
        Download d = download(form, "xlsx", ja);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(d, "xlsx"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(Downloads.xlsx(d.report(), d.period().label(ja), d.scope().label(), hiddenMarker(ja)));
    }

    /** The yearly report of 重層的支援体制整備事業 as a workbook, for the fiscal year holding the period chosen. */
    @GetMapping("/statistics/yearly.xlsx")
    ResponseEntity<byte[]> yearlyXlsx(@ModelAttribute("form") StatisticsForm form) {
        Locale ja = Locale.JAPANESE;
        YearlyReport report = yearly(form, "xlsx");
        byte[] body = Downloads.yearlyXlsx(
                report,
                tenancy.municipalityName(),
                msg(
                        "statistics.yearly.period",
                        ja,
                        JapaneseDates.format(report.from()),
                        JapaneseDates.format(report.to())),
                msg("statistics.yearly.made", ja, JapaneseDates.format(report.made())),
                msg("statistics.yearly.running", ja, JapaneseDates.format(report.to())));
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, yearlyDisposition(report, "xlsx"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** The yearly report of 重層的支援体制整備事業 as a PDF (A4, the Japanese font embedded). */
    @GetMapping("/statistics/yearly.pdf")
    ResponseEntity<byte[]> yearlyPdf(@ModelAttribute("form") StatisticsForm form) {
        Locale ja = Locale.JAPANESE;
        YearlyReport report = yearly(form, "pdf");
        byte[] body = pdf.render(
                "statistics/pdf/yearly",
                Map.of(
                        "report", report,
                        "fromJa", JapaneseDates.format(report.from()),
                        "toJa", JapaneseDates.format(report.to()),
                        "madeJa", JapaneseDates.format(report.made())),
                ja);
        return PdfResponses.attachment(body, "yearly-report-FY" + report.fiscalYear() + ".pdf");
    }

    private YearlyReport yearly(StatisticsForm form, String format) {
        Actor actor = actor();
        Period period = statistics.period(form.period());
        Period year = Period.fiscalYear(Period.fiscalYearOf(period.from()));
        YearlyReport report = statistics.yearly(year.year());
        statistics.audit(AuditAction.EXPORT, year, statistics.scope(actor, "city", Locale.JAPANESE), "yearly", format);
        return report;
    }

    private static String yearlyDisposition(YearlyReport report, String extension) {
        return ContentDisposition.attachment()
                .filename("yearly-report-FY" + report.fiscalYear() + "." + extension)
                .build()
                .toString();
    }

    private record Download(Report report, Period period, ScopeChoice scope) {}

    /** The report asked for (404 for none), audited as an export; files are in Japanese, as the ministry's are. */
    private Download download(StatisticsForm form, String format, Locale locale) {
        Actor actor = actor();
        Period period = statistics.period(form.period());
        ScopeChoice scope = statistics.scope(actor, form.scope(), locale);
        String key = form.report().isEmpty() ? StatisticsService.REPORTS.get(0) : form.report();
        Report report = statistics
                .report(key, period, scope, locale)
                .orElseThrow(() -> new NotFoundException("statistics-report", key));
        statistics.audit(AuditAction.EXPORT, period, scope, key, format);
        return new Download(report, period, scope);
    }

    private static String disposition(Download d, String extension) {
        String name = "statistics-%s-%s-%s.%s"
                .formatted(d.report().key(), d.period().code(), d.scope().code().replace(':', '-'), extension);
        return ContentDisposition.attachment().filename(name).build().toString();
    }

    private static Actor actor() {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("statistics"));
        if (!StatisticsService.mayRead(actor)) {
            throw new AccessDeniedException("statistics");
        }
        return actor;
    }

    private String hiddenMarker(Locale locale) {
        return msg("statistics.fewerThan5", locale);
    }

    private String msg(String code, Locale locale, Object... args) {
        String message = messages.getMessage(code, args, code, locale);
        return message == null ? code : message;
    }
}
