package org.marugoto.access.web;

import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/** Return addresses after a login step: only paths of this application, never another site (no open redirect). */
final class LocalPath {

    private LocalPath() {}

    /** {@code next} when it is a local path (not a login or re-authentication page), otherwise {@code "/"}. */
    static String orHome(@Nullable String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null) {
                return "/";
            }
            String path = uri.getRawPath();
            if (path.startsWith("/reauth") || path.startsWith("/login") || path.startsWith("/logout")) {
                return "/";
            }
            return next;
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    /** The path and query of a full URL from a header (Referer, HX-Current-URL), or {@code "/"}. */
    static String ofUrl(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return "/";
        }
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return orHome(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
