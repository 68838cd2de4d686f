package org.marugoto.people.web;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Reauthentication;
import org.marugoto.people.PersonView;
import org.marugoto.people.RevealedContact;
import org.marugoto.people.domain.ProtectionService;
import org.marugoto.shared.Japan;
import org.marugoto.shared.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy officer's screens for DV/stalking protection (支援措置): the list of protected persons (masked, like
 * everywhere else) and, one person at a time, the reveal of what is withheld, after re-authentication and with a
 * stated purpose. The privacy officer sees no other personal data, so this is their only way to a protected person.
 */
@Controller
class ProtectionController {

    private final ProtectionService protection;

    ProtectionController(ProtectionService protection) {
        this.protection = protection;
    }

    @GetMapping("/protection")
    String list(Model model) {
        model.addAttribute("protections", protection.activeProtections());
        model.addAttribute("today", LocalDate.now(Japan.ZONE));
        return "people/protection-list";
    }

    @GetMapping("/protection/{personId}")
    String revealForm(@PathVariable UUID personId, Model model) {
        return revealPage(model, protection.protectedPerson(personId), "", null);
    }

    /**
     * Reveals after a re-authentication (else {@code ReauthenticationRequired} sends the browser to {@code /reauth},
     * which comes back to the form). The re-authentication is used up by the reveal, so each reveal needs its own.
     */
    @PostMapping("/protection/{personId}/reveal")
    String reveal(
            @PathVariable UUID personId,
            @RequestParam(defaultValue = "") String purpose,
            HttpSession session,
            Model model) {
        PersonView person = protection.protectedPerson(personId);
        try {
            RevealedContact revealed = protection.reveal(personId, purpose);
            session.removeAttribute(Reauthentication.SESSION_ATTRIBUTE);
            model.addAttribute("revealed", revealed);
            return revealPage(model, person, purpose, null);
        } catch (RuleViolation violation) {
            return revealPage(model, person, purpose, violation.messageKey());
        }
    }

    private String revealPage(Model model, PersonView person, String purpose, @Nullable String error) {
        model.addAttribute("person", person);
        model.addAttribute("purpose", purpose);
        model.addAttribute("purposeError", error);
        return "people/reveal";
    }
}
