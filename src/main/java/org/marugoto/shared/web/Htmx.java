package org.marugoto.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/** One handler serves the full page and, for an htmx request, only the fragment that changes. */
public final class Htmx {

    private Htmx() {}

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** {@code page} for a normal request, {@code page :: fragment} for htmx. */
    public static String view(HttpServletRequest request, String page, String fragment) {
        return isHtmx(request) ? page + " :: " + fragment : page;
    }
}
