package org.marugoto.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.marugoto.access.domain.MfaService;
import org.marugoto.access.domain.StaffService;
import org.marugoto.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /reauth}: asks the logged-in user for their password again (and a code once they have a second factor)
 * before a sensitive action, then returns to the page (a local path only).
 */
@Controller
class ReauthController {

    private final MfaService mfa;
    private final SessionReauthentication reauthentication;

    ReauthController(MfaService mfa, SessionReauthentication reauthentication) {
        this.mfa = mfa;
        this.reauthentication = reauthentication;
    }

    @ModelAttribute("secondFactor")
    boolean secondFactor() {
        return CurrentActor.get().map(actor -> mfa.enrolled(actor.accountId())).orElse(false);
    }

    /** The page asked for re-authentication with {@code ?next=}: the query binds to the form's {@code next}. */
    @GetMapping("/reauth")
    String form(@ModelAttribute("form") ReauthForm form) {
        return "access/reauth";
    }

    @PostMapping("/reauth")
    String reauthenticate(
            @ModelAttribute("form") ReauthForm form, BindingResult result, HttpServletRequest request, Model model) {
        HttpSession session = request.getSession();
        String purpose = session.getAttribute(SessionReauthentication.PURPOSE_ATTRIBUTE) instanceof String p
                ? p
                : "reauthentication";
        StaffService.Proof proof = mfa.reauthenticate(form.password(), form.code(), purpose);
        switch (proof) {
            case ACCEPTED -> {
                reauthentication.recordNow(session);
                session.removeAttribute(SessionReauthentication.PURPOSE_ATTRIBUTE);
                return "redirect:" + LocalPath.orHome(form.next());
            }
            case LOCKED -> {
                SecondFactorLogin.abandon(request);
                return "redirect:/login?error";
            }
            default -> {
                result.rejectValue("password", "mfa.reauth.error");
                return "access/reauth";
            }
        }
    }
}
