package org.marugoto.casework.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.TeamRole;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.CaseTeamService;
import org.marugoto.casework.domain.ProgressService;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case and its team, as handled from the case page: moving the case to its next stage, recording the person's
 * consent, adding and removing team members, and writing progress records. Each action answers with a redirect to
 * the case page and its outcome as flash attributes (see {@link CaseActions#act}).
 */
@Controller
class CaseTeamController {

    private final CaseService cases;
    private final CaseTeamService teams;
    private final ProgressService progress;

    CaseTeamController(CaseService cases, CaseTeamService teams, ProgressService progress) {
        this.cases = cases;
        this.teams = teams;
        this.progress = progress;
    }

    @PostMapping("/cases/{id}/status")
    String changeStatus(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return CaseActions.act(
                casePage(id),
                "status",
                redirect,
                () -> cases.transition(id, version, CaseActions.status(to), blankToNull(text)));
    }

    @PostMapping("/cases/{id}/consent")
    String recordConsent(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return CaseActions.act(
                casePage(id),
                "consent",
                redirect,
                () -> cases.recordConsent(id, version, CaseActions.date(date), text));
    }

    @PostMapping("/cases/{id}/team")
    String addMember(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID accountId,
            @RequestParam(required = false) @Nullable TeamRole role,
            RedirectAttributes redirect) {
        return CaseActions.act(casePage(id), "team", redirect, () -> {
            if (accountId == null) {
                throw new RuleViolation("accountId", "case.error.member");
            }
            teams.addMember(id, accountId, role == null ? TeamRole.MEMBER : role);
        });
    }

    @PostMapping("/cases/{id}/remove-member")
    String removeMember(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) @Nullable UUID memberId,
            @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        return CaseActions.act(casePage(id), "remove-member", redirect, () -> {
            if (memberId == null) {
                throw new RuleViolation(null, "case.error.member");
            }
            teams.removeMember(id, memberId, version, orEmpty(text));
        });
    }

    /** A progress record; on a broken rule the form goes back to the case page with what was typed. */
    @PostMapping("/cases/{id}/progress")
    String addProgress(
            @PathVariable UUID id,
            @ModelAttribute("progressForm") ProgressForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        try {
            LocalDateTime when;
            try {
                when = LocalDateTime.parse(form.occurredAt().strip());
            } catch (DateTimeParseException e) {
                throw new RuleViolation("occurredAt", "case.error.date");
            }
            progress.addProgress(
                    id,
                    new CaseCommands.Progress(
                            when.atZone(Japan.ZONE).toInstant(), form.kind(), form.personId(), form.body()));
            redirect.addFlashAttribute("done", "progress");
        } catch (RuleViolation violation) {
            CaseActions.refused(redirect, violation);
            redirect.addFlashAttribute("progressForm", form);
        }
        return "redirect:/cases/" + id + "#progress";
    }

    private static String casePage(UUID id) {
        return "/cases/" + id;
    }
}
