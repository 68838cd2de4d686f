package org.marugoto.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.domain.StaffService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /reauth}: asks the logged-in user for their password again before a sensitive action. */
@Controller
class ReauthController {

    private final StaffService staff;
    private final SessionReauthentication reauthentication;

    ReauthController(StaffService staff, SessionReauthentication reauthentication) {
        this.staff = staff;
        this.reauthentication = reauthentication;
    }

    @GetMapping("/reauth")
    String form(@RequestParam(required = false) @Nullable String next, @ModelAttribute("form") ReauthForm form) {
        form.setNext(next);
        return "access/reauth";
    }

    @PostMapping("/reauth")
    String reauthenticate(@ModelAttribute("form") ReauthForm form, BindingResult result, HttpServletRequest request) {
        HttpSession session = request.getSession();
        String purpose = session.getAttribute(SessionReauthentication.PURPOSE_ATTRIBUTE) instanceof String p
                ? p
                : "reauthentication";
        StaffService.Proof proof = staff.reauthenticate(form.getPassword(), purpose);
        switch (proof) {
            case ACCEPTED -> {
                reauthentication.recordNow(session);
                session.removeAttribute(SessionReauthentication.PURPOSE_ATTRIBUTE);
                return "redirect:" + LocalPath.orHome(form.getNext());
            }
            case LOCKED -> {
                session.invalidate();
                SecurityContextHolder.clearContext();
                return "redirect:/login?error";
            }
            default -> {
                result.rejectValue("password", "mfa.reauth.error");
                form.setPassword("");
                return "access/reauth";
            }
        }
    }
}
