package org.marugoto.community.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * CSRF protection of the interest form without a session: a signed double-submit token. Showing the form sets a random
 * value in a SameSite=Strict, HttpOnly cookie limited to {@code /public} and puts the same value, with the time and the
 * activity, signed with a server key, in a hidden field. A post is accepted only when the cookie and the field carry
 * the same value, the signature is right, it names the same activity and it is at most two hours old. Another site
 * can neither read the cookie nor make the browser send it; nothing is kept on the server, so it works on several
 * nodes.
 */
@Component
class InterestFormTokens {

    static final String COOKIE = "MARUGOTO_FORM";
    private static final Duration VALID = Duration.ofHours(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final Clock clock;

    InterestFormTokens(@Value("${marugoto.community.form-key:${marugoto.security.mfa-key}}") String key, Clock clock) {
        this.key = ("community-form:" + key).getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Sets the cookie and returns the hidden field's value. */
    String issue(UUID activityId, HttpServletRequest request, HttpServletResponse response) {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Cookie cookie = new Cookie(COOKIE, nonce);
        cookie.setHttpOnly(true);
        cookie.setSecure(true);
        cookie.setPath("/public");
        cookie.setMaxAge((int) VALID.toSeconds());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        String payload = nonce + "." + clock.instant().getEpochSecond() + "." + activityId;
        return payload + "." + sign(payload);
    }

    /** Whether the post carries a valid token for this activity, matching its cookie. */
    boolean valid(@Nullable String token, UUID activityId, HttpServletRequest request) {
        if (token == null) {
            return false;
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4) {
            return false;
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(
                sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        if (!parts[2].equals(activityId.toString())) {
            return false;
        }
        try {
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
            if (issued.plus(VALID).isBefore(clock.instant())) {
                return false;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        String cookie = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName())) {
                    cookie = c.getValue();
                }
            }
        }
        return cookie != null
                && MessageDigest.isEqual(
                        cookie.getBytes(StandardCharsets.US_ASCII), parts[0].getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
