package org.marugoto.outreach.web;

import org.jspecify.annotations.Nullable;
import org.marugoto.outreach.domain.OutreachStages;
import org.marugoto.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrators rename the engagement stages in the municipality's words (code, order and kind stay). */
@Controller
class OutreachStageAdminController {

    private final OutreachStages stages;

    OutreachStageAdminController(OutreachStages stages) {
        this.stages = stages;
    }

    @GetMapping("/admin/outreach-stages")
    String list(@RequestParam(required = false) @Nullable String done, Model model) {
        return page(model, done, null, null);
    }

    @PostMapping("/admin/outreach-stages")
    String rename(
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String labelJa,
            @RequestParam(required = false) @Nullable String labelEn,
            Model model) {
        Integer seen = version == null ? null : OutreachController.integer(version);
        if (code == null || code.isBlank() || seen == null) {
            return page(model, null, code, "outreach.error.stage");
        }
        try {
            stages.rename(code, seen, labelJa == null ? "" : labelJa, labelEn == null ? "" : labelEn);
        } catch (RuleViolation violation) {
            return page(model, null, code, violation.messageKey());
        } catch (OptimisticLockingFailureException stale) {
            return page(model, null, code, "error.staleEdit");
        }
        return "redirect:/admin/outreach-stages?done=renamed";
    }

    private String page(Model model, @Nullable String done, @Nullable String code, @Nullable String error) {
        model.addAttribute("stages", stages.all());
        model.addAttribute("versions", stages.versions());
        model.addAttribute("done", done);
        model.addAttribute("errorCode", code);
        model.addAttribute("error", error);
        return "outreach/stages";
    }
}
