package org.marugoto.access.web;

import jakarta.servlet.http.HttpSession;
import org.marugoto.access.domain.MfaService;
import org.springframework.ui.Model;

/** The enrolment page's model, shared by the forced enrolment at login and the account page. */
final class Enrolment {

    /** The secret being enrolled lives in the session until the first code confirms it; never in a form field. */
    static final String SECRET_ATTRIBUTE = "marugoto.mfa.enrolmentSecret";

    private Enrolment() {}

    static String secret(MfaService mfa, HttpSession session) {
        if (session.getAttribute(SECRET_ATTRIBUTE) instanceof String secret) {
            return secret;
        }
        String secret = mfa.newSecret();
        session.setAttribute(SECRET_ATTRIBUTE, secret);
        return secret;
    }

    static String show(MfaService mfa, HttpSession session, String username, String action, Model model) {
        String secret = secret(mfa, session);
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qrCode", QrCodes.svgDataUri(mfa.otpauthUri(username, secret)));
        model.addAttribute("action", action);
        return "access/mfa-enrol";
    }
}
