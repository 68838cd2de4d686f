package org.marugoto.community.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the residents' layout needs on every page: whether ふりがな is on, and the page's own address to come back to. */
@ControllerAdvice(assignableTypes = {PublicController.class, OpenDataController.class})
class PublicModel {

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        boolean ruby = false;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (PublicController.RUBY_COOKIE.equals(c.getName()) && "1".equals(c.getValue())) {
                    ruby = true;
                }
            }
        }
        model.addAttribute("furigana", ruby);
        String query = request.getQueryString();
        model.addAttribute(
                "here", request.getRequestURI() + (query == null || query.contains("lang=") ? "" : "?" + query));
    }
}
