package org.marugoto.planning.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.planning.domain.PlanAccess;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.shared.Actor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The departments (所管課) and their members, kept by the planner (decision 0028): a member sees and enters the
 * progress of the department's measures; membership grants nothing outside the plan. Every change is audited as a
 * permission change.
 */
@Controller
class PlanDepartmentController {

    private final PlanService plans;
    private final PlanAccess access;
    private final UserDetailsService users;

    PlanDepartmentController(PlanService plans, PlanAccess access, UserDetailsService users) {
        this.plans = plans;
        this.access = access;
        this.users = users;
    }

    @GetMapping("/planning/departments")
    String departments(Model model) {
        access.requirePlanner();
        Map<PlanService.Department, List<Map.Entry<UUID, String>>> members = new LinkedHashMap<>();
        for (PlanService.Department d : plans.departments()) {
            members.put(d, plans.membersOf(d.id()));
        }
        model.addAttribute("members", members);
        plans.current().ifPresent(p -> model.addAttribute("plan", p));
        return "planning/departments";
    }

    @PostMapping("/planning/departments/{id}/members")
    String add(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String username,
            RedirectAttributes redirect) {
        access.requirePlanner();
        PlanService.Department department = plans.departments().stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new org.marugoto.shared.NotFoundException("plan-department", id));
        String name = username == null ? "" : username.strip();
        UserDetails user = null;
        if (!name.isEmpty() && name.length() <= 100) {
            try {
                user = users.loadUserByUsername(name);
            } catch (UsernameNotFoundException unknown) {
                user = null;
            }
        }
        if (user instanceof Actor actor && user.isEnabled()) {
            plans.addMember(department.id(), actor.accountId(), actor.username());
            redirect.addFlashAttribute("added", actor.displayName());
        } else {
            redirect.addFlashAttribute("actionError", "planning.department.noSuchUser");
        }
        return "redirect:/planning/departments#department-" + id;
    }

    @PostMapping("/planning/departments/{id}/members/remove")
    String remove(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable UUID accountId,
            RedirectAttributes redirect) {
        access.requirePlanner();
        if (accountId == null) {
            redirect.addFlashAttribute("actionError", "planning.department.noSuchUser");
        } else {
            plans.removeMember(id, accountId);
            redirect.addFlashAttribute("removed", true);
        }
        return "redirect:/planning/departments#department-" + id;
    }
}
