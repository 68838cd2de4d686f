package org.marugoto.audit.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.AuditApi;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for auditors: the newest events, or those about one record. */
@Controller
class AuditController {

    private final AuditApi audit;

    AuditController(AuditApi audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAnyRole('AUDITOR', 'SYSTEM_ADMIN')")
    String recent(@RequestParam(required = false) @Nullable String record, Model model) {
        UUID recordId = parse(record);
        model.addAttribute("record", record);
        model.addAttribute("invalidRecord", record != null && !record.isBlank() && recordId == null);
        model.addAttribute("events", audit.recent(recordId, 200));
        return "audit/list";
    }

    private static @Nullable UUID parse(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
