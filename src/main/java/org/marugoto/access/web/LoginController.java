package org.marugoto.access.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final boolean oidc;
    private final String registration;

    LoginController(
            @Value("${marugoto.oidc.enabled:false}") boolean oidc,
            @Value("${marugoto.oidc.registration:municipal}") String registration) {
        this.oidc = oidc;
        this.registration = registration;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (oidc) {
            model.addAttribute("oidcLink", "/oauth2/authorization/" + registration);
        }
        return "access/login";
    }
}
