package org.marugoto.consultation.web;

import java.util.UUID;
import org.marugoto.consultation.domain.IssueCodes;
import org.marugoto.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The municipality extends and maintains its issue code list (相談内容の分類). */
@Controller
@RequestMapping("/admin/issue-codes")
class IssueCodeAdminController {

    private final IssueCodes codes;

    IssueCodeAdminController(IssueCodes codes) {
        this.codes = codes;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("codes", codes.all());
        return "consultation/issue-codes";
    }

    @PostMapping
    String add(
            @RequestParam String code,
            @RequestParam String nameJa,
            @RequestParam String nameEn,
            @RequestParam(defaultValue = "999") int sortOrder,
            RedirectAttributes redirect) {
        String trimmed = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!trimmed.matches("[A-Z0-9_]{2,40}")) {
            redirect.addFlashAttribute("error", "issueCode.error.code");
        } else if (nameJa.isBlank() || nameEn.isBlank()) {
            redirect.addFlashAttribute("error", "issueCode.error.names");
        } else {
            try {
                codes.add(trimmed, nameJa.strip(), nameEn.strip(), sortOrder);
                redirect.addFlashAttribute("saved", nameJa.strip());
            } catch (RuleViolation violation) {
                redirect.addFlashAttribute("error", violation.messageKey());
            }
        }
        return "redirect:/admin/issue-codes";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @RequestParam int version,
            @RequestParam String nameJa,
            @RequestParam String nameEn,
            @RequestParam int sortOrder,
            @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        if (nameJa.isBlank() || nameEn.isBlank()) {
            redirect.addFlashAttribute("error", "issueCode.error.names");
            return "redirect:/admin/issue-codes";
        }
        try {
            codes.update(id, version, nameJa.strip(), nameEn.strip(), sortOrder, active);
            redirect.addFlashAttribute("saved", nameJa.strip());
        } catch (OptimisticLockingFailureException stale) {
            redirect.addFlashAttribute("error", "error.staleEdit");
        }
        return "redirect:/admin/issue-codes";
    }
}
