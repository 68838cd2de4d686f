package org.marugoto.access.web;

import java.util.ArrayList;
import java.util.List;
import org.marugoto.access.Role;
import org.marugoto.access.StaffView;
import org.marugoto.access.domain.EmergencyAccess;
import org.marugoto.access.domain.StaffService;
import org.marugoto.shared.Actor;
import org.marugoto.shared.work.WorkItem;
import org.marugoto.shared.work.WorkLink;
import org.marugoto.shared.work.WorkQueue;
import org.marugoto.shared.work.WorkSection;
import org.springframework.stereotype.Component;

/**
 * The access module's part of the home page: emergency accesses to review (agency supervisors, the privacy officer),
 * the protection register (privacy officer), locked accounts (system administrator) and the audit trail (auditor).
 */
@Component
class AccessWorkQueue implements WorkQueue {

    private final EmergencyAccess emergency;
    private final StaffService staff;

    AccessWorkQueue(EmergencyAccess emergency, StaffService staff) {
        this.emergency = emergency;
        this.staff = staff;
    }

    @Override
    public List<WorkSection> sectionsFor(Actor actor) {
        List<WorkSection> sections = new ArrayList<>();
        boolean privacy = has(actor, Role.PRIVACY_OFFICER);
        if (privacy || has(actor, Role.AGENCY_SUPERVISOR)) {
            sections.add(WorkSection.queue(
                    "emergency-reviews",
                    50,
                    "home.work.emergencyReviews",
                    emergency.reviewQueue().pending().stream()
                            .map(g -> new WorkItem(
                                    g.reference(),
                                    g.reason(),
                                    "/emergency-access/reviews#grant-" + g.id(),
                                    null,
                                    g.grantedAt(),
                                    false,
                                    List.of()))
                            .toList(),
                    new WorkLink("home.work.emergencyReviews.all", "/emergency-access/reviews"),
                    "home.work.emergencyReviews.none"));
        }
        if (privacy) {
            sections.add(WorkSection.links(
                    "protection",
                    400,
                    "home.work.protection",
                    List.of(new WorkLink("home.work.protection.register", "/protection"))));
        }
        if (has(actor, Role.SYSTEM_ADMIN)) {
            List<StaffView> locked =
                    staff.search(null, null).stream().filter(StaffView::locked).toList();
            sections.add(WorkSection.queue(
                            "locked-accounts",
                            60,
                            "home.work.lockedAccounts",
                            locked.stream()
                                    .map(s -> new WorkItem(
                                            s.displayName(),
                                            s.username(),
                                            "/admin/staff/" + s.id(),
                                            null,
                                            null,
                                            true,
                                            List.of()))
                                    .toList(),
                            new WorkLink("home.work.staff.all", "/admin/staff"),
                            "home.work.lockedAccounts.none")
                    .withLinks(List.of(
                            new WorkLink("home.work.admin.areas", "/admin/areas"),
                            new WorkLink("home.work.admin.agencies", "/admin/agencies"),
                            new WorkLink("home.work.admin.issueCodes", "/admin/issue-codes"))));
        }
        if (has(actor, Role.AUDITOR)) {
            sections.add(WorkSection.links(
                    "audit",
                    400,
                    "home.work.audit",
                    List.of(
                            new WorkLink("home.work.audit.search", "/audit"),
                            new WorkLink("home.work.audit.verify", "/audit/verify"))));
        }
        return sections;
    }

    private static boolean has(Actor actor, Role role) {
        return actor.roleNames().contains(role.name());
    }
}
