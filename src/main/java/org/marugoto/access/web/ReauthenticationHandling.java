package org.marugoto.access.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.marugoto.access.ReauthenticationRequired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Any controller's {@link ReauthenticationRequired} becomes a redirect to {@code /reauth}, which comes back to the
 * page afterwards: the same address for a GET, the page the form was on (Referer) for a POST. htmx requests get an
 * {@code HX-Redirect} so that the whole page changes, not a fragment.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReauthenticationHandling {

    @ExceptionHandler(ReauthenticationRequired.class)
    void reauthenticate(ReauthenticationRequired required, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        String next;
        if (htmx) {
            next = LocalPath.ofUrl(request.getHeader("HX-Current-URL"));
        } else if ("GET".equals(request.getMethod())) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            next = LocalPath.orHome(request.getQueryString() == null ? path : path + "?" + request.getQueryString());
        } else {
            next = LocalPath.ofUrl(request.getHeader("Referer"));
        }
        request.getSession().setAttribute(SessionReauthentication.PURPOSE_ATTRIBUTE, required.purpose());
        String target = request.getContextPath() + "/reauth?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        if (htmx) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
    }
}
