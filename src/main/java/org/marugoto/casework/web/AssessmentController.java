package org.marugoto.casework.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.marugoto.casework.AssessmentDomain;
import org.marugoto.casework.AssessmentView;
import org.marugoto.casework.CaseCommands;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.domain.AssessmentService;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Assessment (アセスメント): writing the next version, which starts as a copy of the last, and reading every earlier
 * version side by side. A version is never changed once saved.
 */
@Controller
class AssessmentController {

    private final CaseService cases;
    private final AssessmentService assessments;
    private final CasePersons persons;

    AssessmentController(CaseService cases, AssessmentService assessments, CasePersons persons) {
        this.cases = cases;
        this.assessments = assessments;
        this.persons = persons;
    }

    @GetMapping("/cases/{id}/assessment")
    String assessmentForm(@PathVariable UUID id, Model model) {
        CaseView view = cases.get(id);
        List<AssessmentView> earlier = assessments.assessments(id);
        AssessmentForm form = AssessmentForm.from(earlier.isEmpty() ? null : earlier.getFirst());
        return assessmentPage(model, view, form, earlier.size() + 1);
    }

    @PostMapping("/cases/{id}/assessment")
    String recordAssessment(
            @PathVariable UUID id, @ModelAttribute("form") AssessmentForm form, BindingResult result, Model model) {
        CaseView view = cases.get(id);
        try {
            assessments.recordAssessment(
                    id,
                    new CaseCommands.Assessment(
                            form.summary(),
                            form.strengths(),
                            form.wishes(),
                            form.risks(),
                            form.unvoiced(),
                            entries(view, form)));
            return "redirect:/cases/" + id + "?done=assessment";
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return assessmentPage(model, view, form, assessments.assessments(id).size() + 1);
        }
    }

    /** One entry per person of the case and domain that has a text; texts for anyone else are ignored. */
    private static List<AssessmentView.Entry> entries(CaseView view, AssessmentForm form) {
        List<AssessmentView.Entry> entries = new ArrayList<>();
        for (UUID personId : view.personIds()) {
            for (AssessmentDomain domain : AssessmentDomain.values()) {
                String text = form.situation(personId, domain);
                if (text != null && !text.isBlank()) {
                    entries.add(new AssessmentView.Entry(personId, domain, text));
                }
            }
        }
        return entries;
    }

    private String assessmentPage(Model model, CaseView view, AssessmentForm form, int versionNo) {
        model.addAttribute("kase", view);
        model.addAttribute("form", form);
        model.addAttribute("persons", persons.of(view));
        model.addAttribute("domains", AssessmentDomain.values());
        model.addAttribute("versionNo", versionNo);
        return "casework/assessment";
    }

    @GetMapping("/cases/{id}/assessments")
    String assessmentVersions(@PathVariable UUID id, Model model) {
        CaseView view = cases.get(id);
        model.addAttribute("kase", view);
        model.addAttribute("assessments", assessments.assessments(id));
        model.addAttribute("persons", persons.of(view));
        model.addAttribute("domains", AssessmentDomain.values());
        return "casework/assessments";
    }
}
