package org.marugoto.casework.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Colleagues;
import org.marugoto.access.Reauthentication;
import org.marugoto.access.Role;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.IssueCodeView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.web.ListExport;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The caseload (the case list of the dashboard, all its pages, with the same filter and order) as CSV or .xlsx
 * (decision 0033): only after a fresh re-authentication, with the same columns and the same masking as the page (a
 * household the agency may not read is not named), and audited as EXPORT with the row count and the filters.
 */
@Controller
class CaseListExportController {

    private final CaseService cases;
    private final PeopleApi people;
    private final Colleagues colleagues;
    private final ConsultationApi consultations;
    private final Reauthentication reauthentication;
    private final AuditApi audit;
    private final MessageSource messages;

    CaseListExportController(
            CaseService cases,
            PeopleApi people,
            Colleagues colleagues,
            ConsultationApi consultations,
            Reauthentication reauthentication,
            AuditApi audit,
            MessageSource messages) {
        this.cases = cases;
        this.people = people;
        this.colleagues = colleagues;
        this.consultations = consultations;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/cases/export.csv")
    ResponseEntity<StreamingResponseBody> csv(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sort,
            Locale locale) {
        return export(ListExport.Format.CSV, all, status, sort, locale);
    }

    @GetMapping("/cases/export.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String sort,
            Locale locale) {
        return export(ListExport.Format.XLSX, all, status, sort, locale);
    }

    private ResponseEntity<StreamingResponseBody> export(
            ListExport.Format kind, boolean all, @Nullable String status, @Nullable String sort, Locale locale) {
        String format = kind.name().toLowerCase(Locale.ROOT);
        Actor actor = CurrentActor.get().orElseThrow();
        boolean everyCase = all && actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name());
        reauthentication.require("export caseload");
        List<CaseView> list = CaseList.matching(cases.myCases(everyCase), status, sort);
        if (kind == ListExport.Format.XLSX && list.size() > ListExport.XLSX_ROW_CAP) {
            return tooLong(locale);
        }
        Map<UUID, String> households =
                people.householdNames(list.stream().map(CaseView::householdId).toList());
        Map<UUID, String> leads = colleagues.professionalNames();
        Map<String, IssueCodeView> codes = consultations.issueCodesByCode();
        String hidden = text("referral.household.hidden", locale);
        List<String> header = List.of(
                text("case.number", locale),
                text("referral.household", locale),
                text("case.list.lead", locale),
                text("case.status", locale),
                text("case.list.summary", locale),
                text("case.issues", locale),
                text("case.opened", locale));
        List<List<String>> rows = new ArrayList<>(list.size());
        for (CaseView c : list) {
            List<String> issues = new ArrayList<>();
            for (String code : c.issueCodes()) {
                IssueCodeView view = codes.get(code);
                issues.add(view == null ? code : view.name(locale));
            }
            rows.add(List.of(
                    c.caseNumber(),
                    Objects.requireNonNullElse(households.get(c.householdId()), hidden),
                    Objects.requireNonNullElse(leads.get(c.leadAccountId()), ""),
                    text("case.status." + c.status(), locale),
                    c.summary(),
                    String.join("・", issues),
                    DateTimeFormatter.ISO_LOCAL_DATE.format(
                            c.openedAt().atZone(Japan.ZONE).toLocalDate())));
        }
        CaseStatus filter = CaseList.status(status);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("rows", String.valueOf(rows.size()));
        details.put(
                "filters",
                "all=" + everyCase + " status=" + (filter == null ? "" : filter.name()) + " sort="
                        + CaseList.order(sort).name());
        audit.record(new AuditEntry(AuditAction.EXPORT, "case", null, "caseload export", details));
        return ListExport.response(kind, "caseload", text("case.dashboard.cases", locale), header, rows);
    }

    private ResponseEntity<StreamingResponseBody> tooLong(Locale locale) {
        String message = messages.getMessage(
                "export.tooLong", new Object[] {ListExport.XLSX_ROW_CAP}, "too many rows for .xlsx", locale);
        return ResponseEntity.status(422)
                .contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                .body(out -> out.write(
                        Objects.requireNonNullElse(message, "").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private String text(String key, Locale locale) {
        return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
    }
}
