package org.marugoto.referral.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.PeopleApi;
import org.marugoto.referral.ReferralStatus;
import org.marugoto.referral.ReferralView;
import org.marugoto.referral.domain.ReferralService;
import org.marugoto.shared.Actor;
import org.marugoto.shared.work.WorkItem;
import org.marugoto.shared.work.WorkLink;
import org.marugoto.shared.work.WorkQueue;
import org.marugoto.shared.work.WorkSection;
import org.springframework.stereotype.Component;

/**
 * The referral work of the home page: referrals to answer (the agency's inbox), questions to answer and follow-ups
 * to confirm (what the agency sent), and for coordinators the overdue referrals of the municipality.
 */
@Component
class ReferralWorkQueue implements WorkQueue {

    static final Set<String> PROFESSIONALS = Set.of("CASEWORKER", "AGENCY_SUPERVISOR", "MUNICIPAL_COORDINATOR");

    private final ReferralService referrals;
    private final DirectoryApi directory;
    private final PeopleApi people;

    ReferralWorkQueue(ReferralService referrals, DirectoryApi directory, PeopleApi people) {
        this.referrals = referrals;
        this.directory = directory;
        this.people = people;
    }

    @Override
    public List<WorkSection> sectionsFor(Actor actor) {
        if (actor.roleNames().stream().noneMatch(PROFESSIONALS::contains)) {
            return List.of();
        }
        Map<UUID, String> agencies = directory.agencyNames();
        List<ReferralView> inbox = referrals.inbox().stream()
                .filter(r -> r.status().awaitingResponse())
                .toList();
        List<ReferralView> sent = referrals.sent();
        List<ReferralView> questions = sent.stream()
                .filter(r -> r.status() == ReferralStatus.INFO_REQUESTED)
                .toList();
        List<ReferralView> followUps =
                sent.stream().filter(ReferralView::followUpNeeded).toList();
        List<UUID> households = new ArrayList<>();
        // the people module names only the households the agency may read: a receiver that does not know the household
        // learns its name once it has accepted under the person's consent (the household is then shared with it)
        inbox.forEach(r -> households.add(r.householdId()));
        questions.forEach(r -> households.add(r.householdId()));
        followUps.forEach(r -> households.add(r.householdId()));
        Map<UUID, String> names = people.householdNames(households);

        boolean supervisor = actor.roleNames().contains("AGENCY_SUPERVISOR");
        List<WorkSection> sections = new ArrayList<>();
        sections.add(WorkSection.queue(
                "referrals-to-answer",
                10,
                supervisor ? "home.work.referrals.unanswered" : "home.work.referrals.toAnswer",
                inbox.stream()
                        .map(r -> item(r, names, agencies.getOrDefault(r.fromAgencyId(), "")))
                        .toList(),
                new WorkLink("home.work.referrals.inbox", "/referrals?state=SENT#inbox"),
                "home.work.referrals.toAnswer.none"));
        if (!questions.isEmpty()) {
            sections.add(WorkSection.queue(
                    "referral-questions",
                    20,
                    "home.work.referrals.questions",
                    questions.stream()
                            .map(r -> item(r, names, agencies.getOrDefault(r.toAgencyId(), "")))
                            .toList(),
                    new WorkLink("home.work.referrals.sent", "/referrals?state=INFO_REQUESTED#sent"),
                    "home.work.none"));
        }
        sections.add(WorkSection.queue(
                "follow-ups",
                110,
                "home.work.referrals.followUps",
                followUps.stream()
                        .map(r -> item(r, names, agencies.getOrDefault(r.toAgencyId(), "")))
                        .toList(),
                new WorkLink("home.work.referrals.sent", "/referrals#sent"),
                "home.work.referrals.followUps.none"));
        if (actor.roleNames().contains("MUNICIPAL_COORDINATOR")) {
            sections.add(WorkSection.queue(
                    "overdue-referrals",
                    300,
                    "home.work.referrals.overdue",
                    referrals.overdue().stream()
                            .map(r -> item(
                                    r,
                                    Map.of(),
                                    agencies.getOrDefault(r.fromAgencyId(), "") + " → "
                                            + agencies.getOrDefault(r.toAgencyId(), "")))
                            .toList(),
                    new WorkLink("home.work.referrals.overdue.all", "/referrals/overdue"),
                    "home.work.referrals.overdue.none"));
        }
        return sections;
    }

    /** The reference, the household's name where the user may see it, the other agency and the summary. */
    private static WorkItem item(ReferralView r, Map<UUID, String> householdNames, String otherAgency) {
        String household = householdNames.get(r.householdId());
        return new WorkItem(
                household == null ? r.referenceNumber() : r.referenceNumber() + " " + household,
                otherAgency + " / " + r.summary(),
                "/referrals/" + r.id(),
                r.status().closed() ? null : r.desiredResponseDate(),
                null,
                r.overdue(),
                List.of("referral.status." + r.status().name()));
    }
}
