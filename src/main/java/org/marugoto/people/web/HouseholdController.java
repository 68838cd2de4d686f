package org.marugoto.people.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.people.HouseholdSection;
import org.marugoto.people.HouseholdView;
import org.marugoto.people.MemberView;
import org.marugoto.people.MembershipCommand;
import org.marugoto.people.MembershipEnd;
import org.marugoto.people.Relationship;
import org.marugoto.people.TimelineEntry;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.text.DateParse;
import org.marugoto.shared.text.JapaneseDates;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The household as one page (世帯の全体像, after Ashiya's Joint-Sheet): members by generation, past members, the
 * sections other modules add (consultations, later referrals and cases) and one timeline.
 */
@Controller
class HouseholdController {

    private final PeopleService people;
    private final AccessApi access;
    private final List<HouseholdSection> sections;

    HouseholdController(PeopleService people, AccessApi access, List<HouseholdSection> sections) {
        this.people = people;
        this.access = access;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(HouseholdSection::order))
                .toList();
    }

    record RenderedSection(String fragment, java.util.Map<String, Object> model) {}

    /** The page is one audited view of the household (one audit row), its scope derived once: see householdPage. */
    @GetMapping("/households/{id}")
    String household(@PathVariable UUID id, Model model) {
        return people.householdPage(id, () -> render(id, model));
    }

    private String render(UUID id, Model model) {
        HouseholdView household = people.household(id, "household page");
        List<MemberView> members = people.members(id);
        List<MemberView> current = members.stream().filter(MemberView::current).toList();
        List<MemberView> past = members.stream().filter(m -> !m.current()).toList();
        List<TimelineEntry> timeline = new ArrayList<>();
        for (MemberView m : members) {
            timeline.add(
                    m.memberFrom() != null
                            ? new TimelineEntry(
                                    m.memberFrom().atStartOfDay(Japan.ZONE).toInstant(),
                                    true,
                                    "timeline.joined",
                                    List.of(m.person().fullName()),
                                    "/people/" + m.person().id())
                            : new TimelineEntry(
                                    m.recordedAt(),
                                    false,
                                    "timeline.recorded",
                                    List.of(m.person().fullName()),
                                    "/people/" + m.person().id()));
            if (m.memberTo() != null) {
                timeline.add(new TimelineEntry(
                        m.memberTo().atStartOfDay(Japan.ZONE).toInstant(),
                        true,
                        "timeline.left." + m.endReason(),
                        List.of(m.person().fullName()),
                        "/people/" + m.person().id()));
            }
        }
        List<RenderedSection> rendered = new ArrayList<>();
        for (HouseholdSection section : sections) {
            HouseholdSection.Contribution contribution = section.contribute(id);
            rendered.add(new RenderedSection(section.fragment(), contribution.model()));
            timeline.addAll(contribution.timeline());
        }
        timeline.sort(Comparator.comparing(TimelineEntry::at).reversed());
        model.addAttribute("household", household);
        // read under an emergency access: the page says so, and until when
        access.emergencyAccess(id).ifPresent(grant -> {
            model.addAttribute("emergency", grant);
            model.addAttribute(
                    "emergencyUntil",
                    java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                            .format(grant.expiresAt().atZone(Japan.ZONE)));
        });
        model.addAttribute("generations", PeopleService.byGeneration(current));
        model.addAttribute("genogram", Genogram.of(members, LocalDate.now(Japan.ZONE)));
        model.addAttribute("current", current);
        model.addAttribute("past", past);
        model.addAttribute("sections", rendered);
        model.addAttribute("timeline", timeline);
        model.addAttribute("today", LocalDate.now(Japan.ZONE));
        model.addAttribute("endReasons", MembershipEnd.values());
        model.addAttribute("relationships", Relationship.values());
        return "people/household";
    }

    @PostMapping("/households/{id}/members/existing")
    String addExisting(
            @PathVariable UUID id,
            @RequestParam UUID personId,
            @RequestParam Relationship relationship,
            @RequestParam(defaultValue = "false") boolean livesTogether,
            RedirectAttributes redirect) {
        try {
            MemberView member = people.addExistingPerson(
                    id, personId, new MembershipCommand(id, null, relationship, livesTogether, null));
            redirect.addFlashAttribute("saved", member.person().fullName());
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("memberError", violation.messageKey());
        }
        return "redirect:/households/" + id;
    }

    @PostMapping("/households/{id}/members/{memberId}/end")
    String endMembership(
            @PathVariable UUID id,
            @PathVariable UUID memberId,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String endedOn,
            @RequestParam(required = false) @Nullable MembershipEnd reason,
            RedirectAttributes redirect) {
        DateParse parsed = JapaneseDates.parse(endedOn == null ? "" : endedOn);
        if (reason == null) {
            redirect.addFlashAttribute("memberError", "household.error.endReason");
        } else if (!(parsed instanceof DateParse.Parsed date)) {
            redirect.addFlashAttribute("memberError", "household.error.endDate");
        } else {
            try {
                MemberView member = people.endMembership(memberId, version, date.date(), reason);
                redirect.addFlashAttribute("ended", member.person().fullName());
            } catch (RuleViolation violation) {
                redirect.addFlashAttribute("memberError", violation.messageKey());
            } catch (OptimisticLockingFailureException stale) {
                redirect.addFlashAttribute("memberError", "error.staleEdit");
            }
        }
        return "redirect:/households/" + id;
    }
}
