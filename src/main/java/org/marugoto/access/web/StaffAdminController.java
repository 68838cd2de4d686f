package org.marugoto.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Reauthentication;
import org.marugoto.access.Role;
import org.marugoto.access.StaffView;
import org.marugoto.access.domain.MfaService;
import org.marugoto.access.domain.StaffService;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.FormErrors;
import org.marugoto.shared.web.Htmx;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of staff accounts: agency, roles, enabled or disabled, password reset, unlock. */
@Controller
@RequestMapping("/admin/staff")
class StaffAdminController {

    private final StaffService staff;
    private final DirectoryApi directory;
    private final Reauthentication reauthentication;
    private final MfaService mfa;

    StaffAdminController(
            StaffService staff, DirectoryApi directory, Reauthentication reauthentication, MfaService mfa) {
        this.staff = staff;
        this.directory = directory;
        this.reauthentication = reauthentication;
        this.mfa = mfa;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @ModelAttribute("agencies")
    Map<UUID, AgencyView> agencies() {
        return directory.agencies().stream()
                .collect(Collectors.toMap(
                        AgencyView::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID agency,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("agency", agency);
        model.addAttribute("accounts", staff.search(q, agency));
        return Htmx.view(request, "access/staff-list", "results");
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", StaffForm.empty());
        return "access/staff-form";
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") StaffForm form, BindingResult result, RedirectAttributes redirect) {
        if (form.password().isBlank()) {
            result.rejectValue("password", "NotBlank");
        }
        if (form.username().isBlank()) {
            result.rejectValue("username", "NotBlank");
        }
        if (result.hasErrors()) {
            return "access/staff-form";
        }
        // a new account is a grant of roles
        reauthentication.require("role change");
        try {
            StaffView created = staff.create(form.username(), form.password(), form.command());
            redirect.addFlashAttribute("saved", "created");
            return "redirect:/admin/staff/" + created.id();
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return "access/staff-form";
        }
    }

    @GetMapping("/{id}")
    String editForm(@PathVariable UUID id, Model model) {
        StaffView account = staff.get(id);
        model.addAttribute("account", account);
        model.addAttribute("form", StaffForm.of(account));
        model.addAttribute("mfaEnrolled", mfa.enrolled(id));
        return "access/staff-form";
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") StaffForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        StaffView current = staff.get(id);
        model.addAttribute("account", current);
        if (result.hasErrors()) {
            return "access/staff-form";
        }
        if (!form.roles().equals(current.roles()) || form.enabled() != current.enabled()) {
            reauthentication.require("role change");
        }
        try {
            staff.update(id, form.version(), form.command());
            redirect.addFlashAttribute("saved", "updated");
            return "redirect:/admin/staff/" + id;
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return "access/staff-form";
        } catch (OptimisticLockingFailureException stale) {
            StaffView newer = staff.get(id);
            model.addAttribute("account", newer);
            model.addAttribute("form", StaffForm.of(newer));
            model.addAttribute("stale", true);
            return "access/staff-form";
        }
    }

    @PostMapping("/{id}/password")
    String resetPassword(
            @PathVariable UUID id, @RequestParam String password, Model model, RedirectAttributes redirect) {
        try {
            staff.resetPassword(id, password);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("passwordError", violation.messageKey());
            redirect.addFlashAttribute("passwordErrorArgs", violation.arguments());
            return "redirect:/admin/staff/" + id + "#password";
        }
        redirect.addFlashAttribute("saved", "password");
        return "redirect:/admin/staff/" + id;
    }

    /** Removes someone's second factor (a lost phone): re-authentication first; their sessions end; audited. */
    @PostMapping("/{id}/mfa/reset")
    String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
        reauthentication.require("second factor reset");
        mfa.reset(id);
        redirect.addFlashAttribute("saved", "mfaReset");
        return "redirect:/admin/staff/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        staff.unlockAccount(id);
        redirect.addFlashAttribute("saved", "unlocked");
        return "redirect:/admin/staff/" + id;
    }
}
