package org.marugoto.access.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Role;
import org.marugoto.access.domain.StaffPrincipal;
import org.marugoto.shared.work.WorkQueue;
import org.marugoto.shared.work.WorkSection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: what waits for the user (the work queue, collected from every module's {@link WorkQueue}), then who
 * they are and what they can do here.
 */
@Controller
class HomeController {

    private final ObjectProvider<WorkQueue> queues;

    HomeController(ObjectProvider<WorkQueue> queues) {
        this.queues = queues;
    }

    /** Something a user can do, shown on the home page when one of their roles allows it. */
    record Capability(String key, String path, List<Role> roles) {

        boolean allowedFor(StaffPrincipal principal) {
            return roles.isEmpty() || roles.stream().anyMatch(principal::has);
        }
    }

    static final List<Capability> CAPABILITIES = List.of(
            new Capability(
                    "intake", "/people", List.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR, Role.MUNICIPAL_COORDINATOR)),
            new Capability(
                    "referrals",
                    "/referrals",
                    List.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR, Role.MUNICIPAL_COORDINATOR)),
            new Capability(
                    "concerns",
                    "/concerns",
                    List.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR, Role.MUNICIPAL_COORDINATOR)),
            new Capability(
                    "outreach",
                    "/outreach",
                    List.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR, Role.MUNICIPAL_COORDINATOR)),
            new Capability(
                    "participation",
                    "/participation",
                    List.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR, Role.MUNICIPAL_COORDINATOR)),
            new Capability("unmetNeeds", "/participation/needs", List.of(Role.PLANNER)),
            new Capability(
                    "community",
                    "/community",
                    List.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR, Role.MUNICIPAL_COORDINATOR)),
            new Capability("directory", "/directory", List.of()),
            new Capability("areas", "/admin/areas", List.of(Role.SYSTEM_ADMIN)),
            new Capability("agencies", "/admin/agencies", List.of(Role.SYSTEM_ADMIN)),
            new Capability("staff", "/admin/staff", List.of(Role.SYSTEM_ADMIN)),
            new Capability("issueCodes", "/admin/issue-codes", List.of(Role.SYSTEM_ADMIN)),
            new Capability("outreachStages", "/admin/outreach-stages", List.of(Role.SYSTEM_ADMIN)),
            new Capability("audit", "/audit", List.of(Role.AUDITOR, Role.SYSTEM_ADMIN)),
            new Capability("protection", "/protection", List.of(Role.PRIVACY_OFFICER)),
            new Capability("account", "/account", List.of()),
            new Capability(
                    "dashboard", "/statistics/dashboard", List.of(Role.MUNICIPAL_COORDINATOR, Role.AGENCY_SUPERVISOR)),
            new Capability("imports", "/imports", List.of(Role.MUNICIPAL_COORDINATOR)));

    /** Where a visitor who is not signed in is sent: the residents' pages (served by the community module). */
    static final String PUBLIC_HOME = "forward:/public";

    @GetMapping("/")
    String home(@AuthenticationPrincipal @Nullable StaffPrincipal principal, Model model) {
        if (principal == null) {
            // residents see their own pages at "/"; staff sign-in is one link away on them
            return PUBLIC_HOME;
        }
        if (principal.has(Role.VOLUNTEER)
                && !principal.has(Role.CASEWORKER)
                && !principal.has(Role.AGENCY_SUPERVISOR)
                && !principal.has(Role.MUNICIPAL_COORDINATOR)) {
            // a volunteer's home is their narrow view (watched households, concerns)
            return "redirect:/volunteer";
        }
        if (principal.has(Role.COMMUNITY_ORGANISER)
                && !principal.has(Role.CASEWORKER)
                && !principal.has(Role.AGENCY_SUPERVISOR)
                && !principal.has(Role.MUNICIPAL_COORDINATOR)) {
            // an organiser's home is the community desk (their entries, reminders, residents' messages)
            return "redirect:/community";
        }
        model.addAttribute(
                "sections",
                queues.stream()
                        .flatMap(q -> q.sectionsFor(principal).stream())
                        .sorted(Comparator.comparingInt(WorkSection::order))
                        .toList());
        model.addAttribute(
                "roles", Arrays.stream(Role.values()).filter(principal::has).toList());
        model.addAttribute(
                "capabilities",
                CAPABILITIES.stream().filter(c -> c.allowedFor(principal)).toList());
        return "access/home";
    }
}
