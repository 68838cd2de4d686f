package org.marugoto.people.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Reauthentication;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.people.ApproximateBirth;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.PersonView;
import org.marugoto.people.domain.PersonSearch;
import org.marugoto.people.domain.SearchHit;
import org.marugoto.shared.web.ListExport;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The household search's list (the persons found by the query, with their current households, as the search page
 * lists them) as CSV or .xlsx (decision 0033): only after a fresh re-authentication, through the same search (the
 * same agency's reach, the same order and limit), with the page's columns and masking (a protected person's address
 * is written as the page's marker), and audited as EXPORT with the row count and the query as the audit trail keeps
 * it. The search holds at most {@code PersonSearch.LIMIT} rows, far below the .xlsx cap.
 */
@Controller
class HouseholdListExportController {

    private final PersonSearch search;
    private final Reauthentication reauthentication;
    private final AuditApi audit;
    private final MessageSource messages;

    HouseholdListExportController(
            PersonSearch search, Reauthentication reauthentication, AuditApi audit, MessageSource messages) {
        this.search = search;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/people/export.csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) @Nullable String q, Locale locale) {
        return export(ListExport.Format.CSV, q, locale);
    }

    @GetMapping("/people/export.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(@RequestParam(required = false) @Nullable String q, Locale locale) {
        return export(ListExport.Format.XLSX, q, locale);
    }

    private ResponseEntity<StreamingResponseBody> export(ListExport.Format kind, @Nullable String q, Locale locale) {
        reauthentication.require("export household search");
        String query = q == null ? "" : q;
        List<SearchHit> hits = query.isBlank() ? List.of() : search.search(query);
        List<String> header = List.of(
                text("person.name", locale),
                text("export.people.kana", locale),
                text("person.birthDate", locale),
                text("person.address", locale),
                text("household.title", locale),
                text("household.caseNumber", locale),
                text("search.why", locale));
        String masked = text("protection.masked", locale);
        List<List<String>> rows = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            PersonView p = hit.person();
            List<String> reasons = new ArrayList<>();
            hit.reasons().forEach(r -> reasons.add(text(r, locale)));
            rows.add(List.of(
                    p.fullName(),
                    p.fullNameKana(),
                    birth(p, messages, locale),
                    p.masked() ? masked : Objects.requireNonNullElse(p.address(), ""),
                    String.join(
                            "・",
                            hit.households().stream().map(HouseholdView::name).toList()),
                    String.join(
                            "・",
                            hit.households().stream()
                                    .map(HouseholdView::caseNumber)
                                    .toList()),
                    String.join("・", reasons)));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("format", kind.name().toLowerCase(Locale.ROOT));
        details.put("rows", String.valueOf(rows.size()));
        details.put("filters", "q=" + (query.isBlank() ? "" : search.auditedQuery(query)));
        audit.record(new AuditEntry(AuditAction.EXPORT, "household", null, "household search export", details));
        return ListExport.response(kind, "households", text("search.title", locale), header, rows);
    }

    /**
     * A date of birth in an export: the exact date (ISO, as every date of the exports), or the approximate one as the
     * person page shows it (1946年頃（推定）, 1946年4月（推定）), or empty when unknown.
     */
    static String birth(PersonView p, MessageSource messages, Locale locale) {
        if (p.birthDate() != null) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(p.birthDate());
        }
        ApproximateBirth a = p.approximateBirth();
        if (a == null) {
            return "";
        }
        String key =
                a.estimated() ? "person.birth.around" : a.month() == 0 ? "person.birth.year" : "person.birth.month";
        return Objects.requireNonNullElse(
                messages.getMessage(key, new Object[] {a.year(), a.month()}, a.formText(), locale), a.formText());
    }

    private String text(String key, Locale locale) {
        return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
    }
}
