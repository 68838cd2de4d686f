package org.marugoto.access.web;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.EmergencyReview;
import org.marugoto.access.domain.EmergencyAccess;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review queue of emergency accesses, for agency supervisors (their staff) and the privacy officer (all). */
@Controller
@PreAuthorize("hasAnyRole('AGENCY_SUPERVISOR', 'PRIVACY_OFFICER')")
class EmergencyReviewController {

    private final EmergencyAccess emergency;
    private final DirectoryApi directory;

    EmergencyReviewController(EmergencyAccess emergency, DirectoryApi directory) {
        this.emergency = emergency;
        this.directory = directory;
    }

    @GetMapping("/emergency-access/reviews")
    String queue(Model model) {
        Map<UUID, String> agencyNames = directory.agencyNames();
        model.addAttribute("queue", emergency.reviewQueue());
        model.addAttribute("agencyNames", agencyNames);
        model.addAttribute("verdicts", EmergencyReview.values());
        return "access/emergency-reviews";
    }

    @PostMapping("/emergency-access/reviews/{id}")
    String review(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable EmergencyReview verdict,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        try {
            emergency.review(id, version, verdict, note);
            redirect.addFlashAttribute("reviewed", true);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("reviewError", violation.messageKey());
            redirect.addFlashAttribute("reviewErrorId", id);
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("reviewError", "error.staleEdit");
            redirect.addFlashAttribute("reviewErrorId", id);
        }
        return "redirect:/emergency-access/reviews";
    }
}
