package org.marugoto.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Tenancy;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout shows on every page: the municipality, who is logged in, and the current path for the menu. */
@ControllerAdvice
class LayoutModel {

    private final Tenancy tenancy;

    LayoutModel(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @ModelAttribute("actor")
    @Nullable
    Actor actor() {
        return CurrentActor.get().orElse(null);
    }

    @ModelAttribute("municipalityName")
    String municipalityName() {
        return tenancy.municipalityName();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
