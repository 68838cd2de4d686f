package org.marugoto.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.domain.MfaService;
import org.marugoto.access.domain.StaffPrincipal;
import org.marugoto.access.domain.StaffService;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The second step of a login ({@code /login/mfa}: a code or a recovery code) and the forced enrolment of
 * administrators and privacy officers who have no second factor yet ({@code /login/mfa/enrol}).
 */
@Controller
class LoginMfaController {

    private final MfaService mfa;
    private final SecondFactorLogin login;

    LoginMfaController(MfaService mfa, SecondFactorLogin login) {
        this.mfa = mfa;
        this.login = login;
    }

    @GetMapping("/login/mfa")
    String codeForm(@ModelAttribute("form") MfaCodeForm form, HttpServletRequest request) {
        return pending(request, PendingLogin.Stage.VERIFY) == null ? "redirect:/" : "access/login-mfa";
    }

    @PostMapping("/login/mfa")
    String verify(
            @ModelAttribute("form") MfaCodeForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response) {
        PendingLogin pending = pending(request, PendingLogin.Stage.VERIFY);
        if (pending == null) {
            return "redirect:/";
        }
        StaffPrincipal principal = pending.principal();
        StaffService.Proof proof = mfa.verifyLogin(principal.accountId(), principal.username(), form.code());
        switch (proof) {
            case ACCEPTED -> {
                return "redirect:" + login.complete(request, response, pending);
            }
            case LOCKED -> {
                SecondFactorLogin.abandon(request);
                return "redirect:/login?error";
            }
            default -> {
                result.rejectValue("code", "mfa.error.code");
                return "access/login-mfa";
            }
        }
    }

    @GetMapping("/login/mfa/enrol")
    String enrolForm(@ModelAttribute("form") MfaCodeForm form, HttpServletRequest request, Model model) {
        PendingLogin pending = pending(request, PendingLogin.Stage.ENROL);
        if (pending == null) {
            return "redirect:/";
        }
        return Enrolment.show(mfa, request.getSession(), pending.principal().username(), "/login/mfa/enrol", model);
    }

    @PostMapping("/login/mfa/enrol")
    String enrol(
            @ModelAttribute("form") MfaCodeForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        PendingLogin pending = pending(request, PendingLogin.Stage.ENROL);
        if (pending == null) {
            return "redirect:/";
        }
        StaffPrincipal principal = pending.principal();
        HttpSession session = request.getSession();
        String secret = Enrolment.secret(mfa, session);
        List<String> codes;
        try {
            codes = mfa.enrol(principal.accountId(), principal.username(), secret, form.code());
        } catch (RuleViolation violation) {
            FormErrors.reject(result, violation);
            return Enrolment.show(mfa, session, principal.username(), "/login/mfa/enrol", model);
        }
        mfa.enrolmentCompletedLogin(principal.accountId(), principal.username());
        String next = login.complete(request, response, pending);
        request.getSession().removeAttribute(Enrolment.SECRET_ATTRIBUTE);
        model.addAttribute("codes", codes);
        model.addAttribute("next", next);
        return "access/mfa-recovery";
    }

    private static @Nullable PendingLogin pending(HttpServletRequest request, PendingLogin.Stage stage) {
        PendingLogin pending = SecondFactorLogin.pending(request);
        return pending != null && pending.stage() == stage ? pending : null;
    }
}
