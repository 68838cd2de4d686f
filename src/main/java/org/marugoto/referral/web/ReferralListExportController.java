package org.marugoto.referral.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Reauthentication;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.consultation.IssueCodeView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.ReferralStatus;
import org.marugoto.referral.ReferralView;
import org.marugoto.referral.domain.ReferralService;
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
 * The referral lists of the user's agency (received and sent, every page of each, with the page's state filter and
 * order) as CSV or .xlsx (decision 0033): only after a fresh re-authentication, with the page's columns and masking
 * (a household the agency may not read is not named; the receiver sees no more than its inbox shows), and audited as
 * EXPORT with the row count and the filters.
 */
@Controller
class ReferralListExportController {

    private final ReferralService referrals;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final ConsultationApi consultations;
    private final Reauthentication reauthentication;
    private final AuditApi audit;
    private final MessageSource messages;

    ReferralListExportController(
            ReferralService referrals,
            PeopleApi people,
            DirectoryApi directory,
            ConsultationApi consultations,
            Reauthentication reauthentication,
            AuditApi audit,
            MessageSource messages) {
        this.referrals = referrals;
        this.people = people;
        this.directory = directory;
        this.consultations = consultations;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/referrals/export.csv")
    ResponseEntity<StreamingResponseBody> csv(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String sort,
            Locale locale) {
        return export(ListExport.Format.CSV, state, sort, locale);
    }

    @GetMapping("/referrals/export.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String sort,
            Locale locale) {
        return export(ListExport.Format.XLSX, state, sort, locale);
    }

    private ResponseEntity<StreamingResponseBody> export(
            ListExport.Format kind, @Nullable String state, @Nullable String sort, Locale locale) {
        String format = kind.name().toLowerCase(Locale.ROOT);
        reauthentication.require("export referrals");
        ReferralStatus filter = ReferralController.parse(ReferralStatus.class, state);
        ReferralService.ListOrder order = ReferralController.parse(ReferralService.ListOrder.class, sort);
        if (order == null) {
            order = ReferralService.ListOrder.NEWEST;
        }
        List<ReferralView> inbox = referrals.whole(true, filter, order);
        List<ReferralView> sent = referrals.whole(false, filter, order);
        if (kind == ListExport.Format.XLSX && inbox.size() + sent.size() > ListExport.XLSX_ROW_CAP) {
            return tooLong(locale);
        }
        Set<UUID> householdIds = new HashSet<>();
        inbox.forEach(r -> householdIds.add(r.householdId()));
        sent.forEach(r -> householdIds.add(r.householdId()));
        Map<UUID, String> households = people.householdNames(householdIds);
        Map<UUID, String> agencies = directory.agencyNames();
        Map<String, IssueCodeView> codes = consultations.issueCodesByCode();
        List<String> header = List.of(
                text("referral.export.list", locale),
                text("referral.reference", locale),
                text("referral.household", locale),
                text("referral.from", locale),
                text("referral.to", locale),
                text("referral.summary", locale),
                text("referral.issues", locale),
                text("referral.status", locale),
                text("referral.sentOn", locale),
                text("referral.desiredResponseDate", locale));
        List<List<String>> rows = new ArrayList<>(inbox.size() + sent.size());
        String hidden = text("referral.household.hidden", locale);
        String received = text("referral.export.inbox", locale);
        for (ReferralView r : inbox) {
            rows.add(row(received, r, households, agencies, codes, hidden, locale));
        }
        String sentList = text("referral.export.sent", locale);
        for (ReferralView r : sent) {
            rows.add(row(sentList, r, households, agencies, codes, hidden, locale));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("format", format);
        details.put("rows", String.valueOf(rows.size()));
        details.put(
                "filters",
                "lists=received,sent state=" + (filter == null ? "" : filter.name()) + " sort=" + order.name());
        audit.record(new AuditEntry(AuditAction.EXPORT, "referral", null, "referral list export", details));
        return ListExport.response(kind, "referrals", text("referral.title", locale), header, rows);
    }

    /** One referral as the list page's row shows it: the household only where the agency may read it. */
    private List<String> row(
            String list,
            ReferralView r,
            Map<UUID, String> households,
            Map<UUID, String> agencies,
            Map<String, IssueCodeView> codes,
            String hidden,
            Locale locale) {
        List<String> issues = new ArrayList<>();
        for (String code : r.issueCodes()) {
            IssueCodeView view = codes.get(code);
            issues.add(view == null ? code : view.name(locale));
        }
        List<String> status = new ArrayList<>();
        status.add(text("referral.status." + r.status(), locale));
        if (r.overdue()) {
            status.add(text("referral.overdue", locale));
        }
        if (r.followUpNeeded()) {
            status.add(text("referral.followUpNeeded", locale));
        }
        return List.of(
                list,
                r.referenceNumber(),
                Objects.requireNonNullElse(households.get(r.householdId()), hidden),
                Objects.requireNonNullElse(agencies.get(r.fromAgencyId()), ""),
                Objects.requireNonNullElse(agencies.get(r.toAgencyId()), ""),
                r.summary(),
                String.join("・", issues),
                String.join("・", status),
                DateTimeFormatter.ISO_LOCAL_DATE.format(
                        r.sentAt().atZone(Japan.ZONE).toLocalDate()),
                DateTimeFormatter.ISO_LOCAL_DATE.format(r.desiredResponseDate()));
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
