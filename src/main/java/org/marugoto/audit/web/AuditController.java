package org.marugoto.audit.web;

import static org.marugoto.shared.text.Texts.blankToNull;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEventView;
import org.marugoto.audit.AuditQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for auditors: the newest events; who saw a record, a person (by name or reading) or a household
 * (by number), and the records that reveal the same person; what a member of staff did; between two dates; and
 * whether the tamper-evident chain is intact. Events name staff, record types and purposes in words.
 */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'SYSTEM_ADMIN')")
class AuditController {

    private static final int LIMIT = 500;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final AuditApi audit;

    AuditController(AuditApi audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String events(
            @RequestParam(required = false) @Nullable String record,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String person,
            @RequestParam(required = false) @Nullable String household,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            HttpServletRequest request,
            Model model) {
        // only auditors investigate residents: a system administrator sees the trail but cannot look people up
        boolean investigator = request.isUserInRole("AUDITOR");
        UUID recordId = parse(record);
        boolean invalidRecord = record != null && !record.isBlank() && recordId == null;
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        boolean invalidDates = (from != null && !from.isBlank() && fromDate == null)
                || (to != null && !to.isBlank() && toDate == null);
        model.addAttribute("record", record);
        model.addAttribute("actorQuery", actor);
        model.addAttribute("person", person);
        model.addAttribute("household", household);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("invalidRecord", invalidRecord);
        model.addAttribute("invalidDates", invalidDates);
        model.addAttribute("investigator", investigator);
        AuditQuery query = new AuditQuery(
                recordId,
                investigator ? blankToNull(person) : null,
                investigator ? blankToNull(household) : null,
                blankToNull(actor),
                fromDate,
                toDate);
        if (query.isEmpty()) {
            model.addAttribute("events", audit.recent(null, 200));
            model.addAttribute("mode", "recent");
        } else {
            model.addAttribute("events", audit.search(query, LIMIT));
            model.addAttribute(
                    "mode",
                    query.record() == null && query.person() == null && query.household() == null
                            ? (query.staff() != null ? "actor" : "search")
                            : "record");
        }
        model.addAttribute("staffNames", audit.staffNames());
        nameAccounts(model);
        return "audit/list";
    }

    @GetMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", audit.verifyChain());
        return "audit/verify";
    }

    /** Details name accounts by id (a member added to a case team...): show the staff name instead. */
    @SuppressWarnings("unchecked")
    private void nameAccounts(Model model) {
        Map<UUID, String> accounts = audit.staffNamesByAccountId();
        List<AuditEventView> events = (List<AuditEventView>) model.getAttribute("events");
        if (events == null || accounts.isEmpty()) {
            return;
        }
        model.addAttribute(
                "events",
                events.stream()
                        .map(e -> e.withDetails(named(e.details(), accounts)))
                        .toList());
    }

    private static String named(String details, Map<UUID, String> accounts) {
        Matcher matcher = UUID_TEXT.matcher(details);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = accounts.get(UUID.fromString(matcher.group()));
            matcher.appendReplacement(out, Matcher.quoteReplacement(name == null ? matcher.group() : name));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable UUID parse(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
