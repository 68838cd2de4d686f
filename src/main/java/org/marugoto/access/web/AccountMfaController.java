package org.marugoto.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.marugoto.access.Reauthentication;
import org.marugoto.access.domain.MfaService;
import org.marugoto.access.domain.StaffPrincipal;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.FormErrors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The user's own second factor, from the account page: enrol (QR code, first code, recovery codes) or remove. */
@Controller
class AccountMfaController {

    private final MfaService mfa;
    private final Reauthentication reauthentication;
    private final SecondFactorLogin login;

    AccountMfaController(MfaService mfa, Reauthentication reauthentication, SecondFactorLogin login) {
        this.mfa = mfa;
        this.reauthentication = reauthentication;
        this.login = login;
    }

    @GetMapping("/account/mfa")
    String enrolForm(@ModelAttribute("form") MfaCodeForm form, HttpSession session, Model model) {
        Actor actor = CurrentActor.get().orElseThrow();
        if (mfa.enrolled(actor.accountId())) {
            return "redirect:/account";
        }
        return Enrolment.show(mfa, session, actor.username(), "/account/mfa", model);
    }

    @PostMapping("/account/mfa")
    String enrol(@ModelAttribute("form") MfaCodeForm form, BindingResult result, HttpSession session, Model model) {
        Actor actor = CurrentActor.get().orElseThrow();
        List<String> codes;
        try {
            codes = mfa.enrol(actor.accountId(), actor.username(), Enrolment.secret(mfa, session), form.code());
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return Enrolment.show(mfa, session, actor.username(), "/account/mfa", model);
        }
        session.removeAttribute(Enrolment.SECRET_ATTRIBUTE);
        model.addAttribute("codes", codes);
        model.addAttribute("next", "/account");
        return "access/mfa-recovery";
    }

    /**
     * Removes the own second factor (a new phone): re-authentication first. Roles that require a factor are put
     * back behind the enrolment step at once.
     */
    @PostMapping("/account/mfa/remove")
    @org.jspecify.annotations.Nullable
    String remove(
            HttpServletRequest request, HttpServletResponse response, HttpSession session, RedirectAttributes redirect)
            throws IOException {
        reauthentication.require("second factor change");
        mfa.disableOwn();
        session.removeAttribute(Enrolment.SECRET_ATTRIBUTE);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && MfaService.required(principal.roles())) {
            login.requireEnrolment(request, response, authentication);
            return null;
        }
        redirect.addFlashAttribute("mfaRemoved", true);
        return "redirect:/account";
    }
}
