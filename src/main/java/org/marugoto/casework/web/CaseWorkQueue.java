package org.marugoto.casework.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.marugoto.access.Colleagues;
import org.marugoto.casework.CaseView;
import org.marugoto.casework.ConferenceView;
import org.marugoto.casework.OverdueItem;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.Caseload;
import org.marugoto.casework.domain.ConferenceService;
import org.marugoto.casework.domain.ProgressService;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.work.WorkItem;
import org.marugoto.shared.work.WorkLink;
import org.marugoto.shared.work.WorkQueue;
import org.marugoto.shared.work.WorkSection;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The casework of the home page: overdue actions, plan reviews due, this week's meetings and the user's cases; for a
 * coordinator the way to the 多機関協働 dashboard; for an agency supervisor the caseload of their staff.
 */
@Component
class CaseWorkQueue implements WorkQueue {

    static final Set<String> PROFESSIONALS = Set.of("CASEWORKER", "AGENCY_SUPERVISOR", "MUNICIPAL_COORDINATOR");

    private final CaseService cases;
    private final ProgressService progress;
    private final ConferenceService conferences;
    private final Caseload caseload;
    private final Colleagues colleagues;
    private final PeopleApi people;
    private final MessageSource messages;

    CaseWorkQueue(
            CaseService cases,
            ProgressService progress,
            ConferenceService conferences,
            Caseload caseload,
            Colleagues colleagues,
            PeopleApi people,
            MessageSource messages) {
        this.messages = messages;
        this.cases = cases;
        this.progress = progress;
        this.conferences = conferences;
        this.caseload = caseload;
        this.colleagues = colleagues;
        this.people = people;
    }

    @Override
    public List<WorkSection> sectionsFor(Actor actor) {
        if (actor.roleNames().stream().noneMatch(PROFESSIONALS::contains)) {
            return List.of();
        }
        List<CaseView> mine = cases.myCases(false);
        Map<UUID, String> households =
                people.householdNames(mine.stream().map(CaseView::householdId).toList());
        Map<UUID, String> labels = new HashMap<>();
        mine.forEach(c -> labels.put(c.id(), label(c.caseNumber(), households.get(c.householdId()))));
        List<OverdueItem> overdue = progress.overdue(mine);
        List<WorkSection> sections = new ArrayList<>();
        sections.add(WorkSection.queue(
                "case-overdue",
                120,
                "home.work.cases.overdue",
                overdue.stream()
                        .filter(o -> !o.kind().equals("REVIEW"))
                        .map(o -> new WorkItem(
                                labels.getOrDefault(o.caseId(), o.caseNumber()),
                                o.description(),
                                "/cases/" + o.caseId(),
                                o.dueDate(),
                                null,
                                true,
                                List.of("case.overdue." + o.kind())))
                        .toList(),
                new WorkLink("home.work.cases.dashboard", "/cases"),
                "home.work.cases.overdue.none"));
        sections.add(WorkSection.queue(
                "reviews-due",
                130,
                "home.work.cases.reviews",
                overdue.stream()
                        .filter(o -> o.kind().equals("REVIEW"))
                        .map(o -> new WorkItem(
                                labels.getOrDefault(o.caseId(), o.caseNumber()),
                                null,
                                "/cases/" + o.caseId() + "/plan",
                                o.dueDate(),
                                null,
                                true,
                                List.of("case.overdue.REVIEW")))
                        .toList(),
                new WorkLink("home.work.cases.dashboard", "/cases"),
                "home.work.cases.reviews.none"));
        List<ConferenceView> meetings = conferences.upcomingForMe(Duration.ofDays(7));
        sections.add(WorkSection.queue(
                "meetings",
                200,
                "home.work.cases.meetings",
                meetings.stream()
                        .map(m -> new WorkItem(
                                labels.getOrDefault(
                                        m.caseId(),
                                        messages.getMessage(
                                                "case.conference.kind." + m.kind(),
                                                null,
                                                LocaleContextHolder.getLocale())),
                                m.place(),
                                "/conferences/" + m.id(),
                                null,
                                m.scheduledAt(),
                                false,
                                List.of("case.conference.kind." + m.kind())))
                        .toList(),
                new WorkLink("home.work.cases.dashboard", "/cases"),
                "home.work.cases.meetings.none"));
        sections.add(WorkSection.queue(
                "my-cases",
                210,
                "home.work.cases.mine",
                mine.stream()
                        .map(c -> new WorkItem(
                                labels.getOrDefault(c.id(), c.caseNumber()),
                                c.summary(),
                                "/cases/" + c.id(),
                                null,
                                null,
                                false,
                                List.of("case.status." + c.status())))
                        .toList(),
                new WorkLink("home.work.cases.dashboard", "/cases"),
                "home.work.cases.mine.none"));
        if (actor.roleNames().contains("MUNICIPAL_COORDINATOR")) {
            sections.add(WorkSection.links(
                    "coordination",
                    310,
                    "home.work.coordination",
                    List.of(
                            new WorkLink("home.work.coordination.allCases", "/cases?all=true"),
                            new WorkLink("home.work.referrals.overdue.all", "/referrals/overdue"))));
        }
        if (actor.roleNames().contains("AGENCY_SUPERVISOR")) {
            Map<UUID, String> staff = new HashMap<>();
            colleagues.professionals().stream()
                    .filter(c -> c.agencyId().equals(actor.agencyId()))
                    .forEach(c -> staff.put(c.id(), c.displayName()));
            Map<UUID, Long> load = caseload.openCasesOf(actor, staff.keySet());
            List<WorkItem> items = new ArrayList<>();
            load.forEach((account, count) -> items.add(new WorkItem(
                    staff.getOrDefault(account, ""),
                    messages.getMessage(
                            "home.work.cases.caseload.count", new Object[] {count}, LocaleContextHolder.getLocale()),
                    "/cases",
                    null,
                    null,
                    false,
                    List.of())));
            // the count adds up the staff's cases (a case two of them work in counts twice): their workload
            sections.add(new WorkSection(
                    "caseload",
                    320,
                    "home.work.cases.caseload",
                    load.values().stream().mapToLong(Long::longValue).sum(),
                    items,
                    null,
                    List.of(),
                    "home.work.cases.caseload.none"));
        }
        return sections;
    }

    static String label(String number, @org.jspecify.annotations.Nullable String household) {
        return household == null ? number : number + " " + household;
    }
}
