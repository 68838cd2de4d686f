package org.marugoto.casework.web;

import static org.marugoto.shared.text.Texts.blankToNull;
import static org.marugoto.shared.text.Texts.orEmpty;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseOrigin;
import org.marugoto.casework.CaseStatus;
import org.marugoto.casework.GoalOutcome;
import org.marugoto.shared.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the casework controllers share: running a small action of a page and going back to it with its outcome as
 * flash attributes, and reading the few request values that are not part of a form record (goal evaluations, a
 * status, a date).
 */
final class CaseActions {

    private CaseActions() {}

    /** Something a person does on the case page. */
    @FunctionalInterface
    interface Command {
        void run();
    }

    /**
     * Runs one action of a page and goes back to {@code target}: {@code done} names the action that succeeded, or
     * {@code actionError} the rule it broke or the concurrent change that stopped it. A refusal is not caught here.
     */
    static String act(String target, String action, RedirectAttributes redirect, Command command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", action);
        } catch (RuleViolation violation) {
            refused(redirect, violation);
        } catch (OptimisticLockingFailureException stale) {
            stale(redirect);
        }
        return "redirect:" + target;
    }

    /** The rule an action broke, for the page it returns to. */
    static void refused(RedirectAttributes redirect, RuleViolation violation) {
        redirect.addFlashAttribute("actionError", violation.messageKey());
        redirect.addFlashAttribute("actionErrorArgs", violation.arguments());
    }

    /** Someone else changed the record since the page was shown. */
    static void stale(RedirectAttributes redirect) {
        redirect.addFlashAttribute("actionError", "case.error.concurrent");
        redirect.addFlashAttribute("actionErrorArgs", new Object[0]);
    }

    /** Reads "outcome-{goalId}" and "note-{goalId}" fields into one evaluation per goal that has an outcome. */
    static Map<UUID, CaseCommands.Evaluation> evaluations(Map<String, String> params) {
        Map<UUID, CaseCommands.Evaluation> evaluations = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("outcome-") && !value.isBlank()) {
                try {
                    UUID goal = UUID.fromString(name.substring("outcome-".length()));
                    evaluations.put(
                            goal,
                            new CaseCommands.Evaluation(
                                    GoalOutcome.valueOf(value), blankToNull(params.get("note-" + goal))));
                } catch (IllegalArgumentException e) {
                    throw new RuleViolation(null, "case.error.goal");
                }
            }
        });
        return evaluations;
    }

    /** A tampered or stale form may name an origin that does not exist: a message at the field, not a 500. */
    static @Nullable CaseOrigin origin(@Nullable String value) {
        try {
            return CaseOrigin.valueOf(orEmpty(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static CaseStatus status(@Nullable String value) {
        try {
            return CaseStatus.valueOf(orEmpty(value));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("to", "case.error.status");
        }
    }

    static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("date", "case.error.date");
        }
    }
}
