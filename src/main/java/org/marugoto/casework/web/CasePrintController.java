package org.marugoto.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.marugoto.access.Colleagues;
import org.marugoto.casework.CaseLink;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.ConferenceView;
import org.marugoto.casework.PlanView;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.ConferenceService;
import org.marugoto.casework.domain.PlanService;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.pdf.PdfRenderer;
import org.marugoto.shared.pdf.PdfResponses;
import org.marugoto.shared.web.Display;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Prints a support plan (プラン兼事業等利用申込書) and a meeting record as PDF. Printing is an export: it is decided and
 * audited as such, and the file names carry the case number, never a person's name.
 */
@Controller
class CasePrintController {

    private final CaseService cases;
    private final PlanService plans;
    private final ConferenceService conferences;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final Colleagues colleagues;
    private final PdfRenderer pdf;
    private final Display display;
    private final Clock clock;

    CasePrintController(
            CaseService cases,
            PlanService plans,
            ConferenceService conferences,
            PeopleApi people,
            DirectoryApi directory,
            Colleagues colleagues,
            PdfRenderer pdf,
            Display display,
            Clock clock) {
        this.cases = cases;
        this.plans = plans;
        this.conferences = conferences;
        this.people = people;
        this.directory = directory;
        this.colleagues = colleagues;
        this.pdf = pdf;
        this.display = display;
        this.clock = clock;
    }

    @GetMapping("/plans/{planId}/pdf")
    ResponseEntity<byte[]> plan(@PathVariable UUID planId, Locale locale) {
        PlanView plan = plans.plan(planId, true);
        CaseView kase = cases.get(plan.caseId());
        // the plan's 本人 first (plans written before the choice: the case's first person), then the others
        UUID self = plan.personId() != null
                ? plan.personId()
                : kase.personIds().isEmpty() ? null : kase.personIds().getFirst();
        List<MemberView> persons = people.members(kase.householdId()).stream()
                .filter(m -> kase.personIds().contains(m.person().id()))
                .sorted(java.util.Comparator.comparing(
                        (MemberView m) -> !m.person().id().equals(self)))
                .toList();
        Map<String, Object> model = common(cases.link(kase.id()));
        model.put("kase", kase);
        model.put("plan", plan);
        model.put("persons", persons);
        model.put("selfId", self);
        model.put(
                "createdOn",
                LocalDate.ofInstant(plan.agreedAt() == null ? clock.instant() : plan.agreedAt(), Japan.ZONE));
        model.put(
                "leadName",
                colleagues
                        .colleague(kase.leadAccountId())
                        .map(Colleagues.Colleague::displayName)
                        .orElse(""));
        byte[] file = pdf.render("casework/pdf/plan", model, locale);
        return PdfResponses.inline(file, "plan_" + kase.caseNumber() + "_v" + plan.versionNo() + ".pdf");
    }

    @GetMapping("/conferences/{id}/pdf")
    ResponseEntity<byte[]> conference(@PathVariable UUID id, Locale locale) {
        ConferenceView conference = conferences.forPrint(id);
        CaseLink kase = cases.link(conference.caseId());
        Map<String, Object> model = common(kase);
        model.put("conference", conference);
        byte[] file = pdf.render("casework/pdf/conference", model, locale);
        return PdfResponses.inline(file, "conference_" + kase.caseNumber() + ".pdf");
    }

    private Map<String, Object> common(CaseLink kase) {
        Map<String, Object> model = new HashMap<>();
        Map<UUID, String> agencyNames = directory.agencyNames();
        Map<UUID, String> staffNames = colleagues.professionalNames();
        model.put("kase", kase);
        model.put("agencyNames", agencyNames);
        model.put("staffNames", staffNames);
        model.put("display", display);
        model.put("printedAt", clock.instant());
        model.put("printedBy", CurrentActor.get().orElseThrow().displayName());
        return model;
    }
}
