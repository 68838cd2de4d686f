package org.marugoto.access.web;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.marugoto.access.Reauthentication;
import org.marugoto.access.domain.MfaService;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.FormErrors;
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

    AccountMfaController(MfaService mfa, Reauthentication reauthentication) {
        this.mfa = mfa;
        this.reauthentication = reauthentication;
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
            codes = mfa.enrol(actor.accountId(), actor.username(), Enrolment.secret(mfa, session), form.getCode());
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            form.setCode("");
            return Enrolment.show(mfa, session, actor.username(), "/account/mfa", model);
        }
        session.removeAttribute(Enrolment.SECRET_ATTRIBUTE);
        model.addAttribute("codes", codes);
        model.addAttribute("next", "/account");
        return "access/mfa-recovery";
    }

    /** Removes the own second factor (a new phone): re-authentication first; roles that require one enrol again. */
    @PostMapping("/account/mfa/remove")
    String remove(HttpSession session, RedirectAttributes redirect) {
        reauthentication.require("second factor change");
        Actor actor = CurrentActor.get().orElseThrow();
        mfa.disableOwn();
        session.removeAttribute(Enrolment.SECRET_ATTRIBUTE);
        boolean required = actor.roleNames().stream().anyMatch(role -> MfaService.REQUIRED_FOR.stream()
                .anyMatch(r -> r.name().equals(role)));
        if (required) {
            return "redirect:/account/mfa";
        }
        redirect.addFlashAttribute("mfaRemoved", true);
        return "redirect:/account";
    }
}
