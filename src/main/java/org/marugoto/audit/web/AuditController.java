package org.marugoto.audit.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.AuditApi;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for auditors: the newest events; who saw a record (and the records that reveal the same person);
 * what one account did; and whether the tamper-evident chain is intact.
 */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'SYSTEM_ADMIN')")
class AuditController {

    private static final int LIMIT = 500;

    private final AuditApi audit;

    AuditController(AuditApi audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String events(
            @RequestParam(required = false) @Nullable String record,
            @RequestParam(required = false) @Nullable String actor,
            Model model) {
        UUID recordId = parse(record);
        boolean invalidRecord = record != null && !record.isBlank() && recordId == null;
        model.addAttribute("record", record);
        model.addAttribute("actorQuery", actor);
        model.addAttribute("invalidRecord", invalidRecord);
        if (recordId != null) {
            model.addAttribute("events", audit.about(recordId, LIMIT));
            model.addAttribute("mode", "record");
        } else if (actor != null && !actor.isBlank()) {
            model.addAttribute("events", audit.byActor(actor.strip(), LIMIT));
            model.addAttribute("mode", "actor");
        } else {
            model.addAttribute("events", audit.recent(null, 200));
            model.addAttribute("mode", "recent");
        }
        return "audit/list";
    }

    @GetMapping("/audit/verify")
    String verify(Model model) {
        model.addAttribute("verification", audit.verifyChain());
        return "audit/verify";
    }

    private static @Nullable UUID parse(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
