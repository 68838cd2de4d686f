package org.marugoto.access.web;

import jakarta.validation.Valid;
import org.marugoto.access.domain.MfaService;
import org.marugoto.access.domain.StaffService;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The logged-in user's own account: profile summary and password change. */
@Controller
class AccountController {

    private final StaffService staff;
    private final MfaService mfa;

    AccountController(StaffService staff, MfaService mfa) {
        this.staff = staff;
        this.mfa = mfa;
    }

    /** The second factor's state, shown on the account page. */
    @ModelAttribute
    void secondFactor(org.springframework.ui.Model model) {
        CurrentActor.get().ifPresent(actor -> {
            boolean enrolled = mfa.enrolled(actor.accountId());
            model.addAttribute("mfaEnrolled", enrolled);
            model.addAttribute("mfaRecoveryCodes", enrolled ? mfa.unusedRecoveryCodes(actor.accountId()) : 0);
        });
    }

    @GetMapping("/account")
    String account(@ModelAttribute("form") PasswordForm form) {
        return "access/account";
    }

    @PostMapping("/account")
    String changePassword(
            @Valid @ModelAttribute("form") PasswordForm form, BindingResult result, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("newPassword")
                && !result.hasFieldErrors("confirmPassword")
                && !form.newPassword().equals(form.confirmPassword())) {
            result.rejectValue("confirmPassword", "password.error.mismatch");
        }
        if (result.hasErrors()) {
            return "access/account";
        }
        try {
            staff.changeOwnPassword(form.currentPassword(), form.newPassword());
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return "access/account";
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/account";
    }
}
