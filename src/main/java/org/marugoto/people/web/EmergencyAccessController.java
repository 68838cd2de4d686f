package org.marugoto.people.web;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.RuleViolation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Break-the-glass request for a household: offered on the refusal page to professional roles. The user names the
 * household by its number (or comes from the page that was refused) and gives a reason; access is granted at once by
 * the access decision point and reviewed afterwards. See docs/decisions/0014-consent-and-emergency-access.md.
 */
@Controller
class EmergencyAccessController {

    private static final Pattern RECORD_PAGE = Pattern.compile("^/(households|people)/([0-9a-fA-F-]{36})(?:/.*)?$");

    private final PeopleService people;
    private final AccessApi access;
    private final AuditApi audit;

    EmergencyAccessController(PeopleService people, AccessApi access, AuditApi audit) {
        this.people = people;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/emergency-access/new")
    String form(@RequestParam(required = false) @Nullable String from, Model model) {
        requireMayBreakGlass();
        model.addAttribute("from", from != null && RECORD_PAGE.matcher(from).matches() ? from : null);
        model.addAttribute("caseNumber", "");
        model.addAttribute("reason", "");
        return "people/emergency";
    }

    @PostMapping("/emergency-access")
    String request(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(defaultValue = "") String caseNumber,
            @RequestParam(defaultValue = "") String reason,
            Model model) {
        Actor actor = requireMayBreakGlass();
        String page = from != null && RECORD_PAGE.matcher(from).matches() ? from : null;
        Optional<UUID> household =
                caseNumber.isBlank() && page != null ? fromPage(page) : people.householdIdByNumber(caseNumber);
        try {
            if (household.isEmpty()) {
                // audited like any refusal, so that guessing numbers shows in the trail
                audit.record(new AuditEntry(
                        AuditAction.ACCESS_DENIED,
                        "household",
                        null,
                        "break-glass",
                        Map.of(
                                "reference",
                                caseNumber.strip().length() > 40
                                        ? caseNumber.strip().substring(0, 40)
                                        : caseNumber.strip())));
                throw new RuleViolation(
                        "caseNumber", caseNumber.isBlank() ? "emergency.error.caseNumber" : "emergency.error.unknown");
            }
            UUID id = household.get();
            if (access.mayAccess(actor, PersonalDataAction.READ, people.householdScope(id))) {
                return "redirect:/households/" + id;
            }
            access.breakGlass("household", id, people.caseNumber(id), people.memberPersonIds(id), reason);
            return "redirect:/households/" + id;
        } catch (RuleViolation violation) {
            model.addAttribute("from", page);
            model.addAttribute("caseNumber", caseNumber);
            model.addAttribute("reason", reason);
            model.addAttribute("errorField", violation.field());
            model.addAttribute("errorKey", violation.messageKey());
            model.addAttribute("errorArgs", violation.arguments());
            return "people/emergency";
        }
    }

    private Optional<UUID> fromPage(String page) {
        Matcher m = RECORD_PAGE.matcher(page);
        if (!m.matches()) {
            return Optional.empty();
        }
        UUID id = UUID.fromString(m.group(2));
        return m.group(1).equals("households")
                ? Optional.of(id).filter(people::householdExists)
                : people.currentHouseholdOf(id);
    }

    private Actor requireMayBreakGlass() {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
        if (!access.mayBreakGlass(actor)) {
            throw new AccessDeniedException("break-the-glass is for professional roles");
        }
        return actor;
    }
}
