package org.marugoto.access.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTests {

    /** RFC 6238 appendix B: the SHA1 secret is the ASCII string "12345678901234567890". */
    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    static final String RFC_SECRET_BASE32 = Totp.base32(RFC_SECRET);

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void rfc6238TestVectorsForSha1(long unixTime, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixTime));
        assertThat(Totp.code(RFC_SECRET, step, 8)).isEqualTo(expected);
        // six digits are the last six of the same truncated value
        assertThat(Totp.code(RFC_SECRET_BASE32, Instant.ofEpochSecond(unixTime)))
                .isEqualTo(expected.substring(2));
    }

    @Test
    void base32FollowsRfc4648() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Totp.unbase32("mzxw 6ytb oi======"), StandardCharsets.US_ASCII))
                .isEqualTo("foobar");
        assertThat(RFC_SECRET_BASE32).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        String secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.unbase32(secret)).hasSize(20);
    }

    @Test
    void acceptsOneStepEitherSideAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        for (int offset = -1; offset <= 1; offset++) {
            String code = Totp.code(RFC_SECRET_BASE32, step + offset);
            assertThat(Totp.matchingStep(RFC_SECRET_BASE32, code, now, 0)).hasValue(step + offset);
        }
        assertThat(Totp.matchingStep(RFC_SECRET_BASE32, Totp.code(RFC_SECRET_BASE32, step - 2), now, 0))
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET_BASE32, Totp.code(RFC_SECRET_BASE32, step + 2), now, 0))
                .isEmpty();
    }

    @Test
    void aUsedStepAndEarlierStepsAreNotAcceptedAgain() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        String code = Totp.code(RFC_SECRET_BASE32, step);
        OptionalLong first = Totp.matchingStep(RFC_SECRET_BASE32, code, now, 0);
        assertThat(first).hasValue(step);
        assertThat(Totp.matchingStep(RFC_SECRET_BASE32, code, now, first.getAsLong()))
                .isEmpty();
        String previous = Totp.code(RFC_SECRET_BASE32, step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET_BASE32, previous, now, step)).isEmpty();
        // the next step is still fine
        assertThat(Totp.matchingStep(RFC_SECRET_BASE32, Totp.code(RFC_SECRET_BASE32, step + 1), now, step))
                .hasValue(step + 1);
    }

    @Test
    void spacesAreIgnoredAndAnythingButSixDigitsIsRefused() {
        Instant now = Instant.ofEpochSecond(59);
        String code = Totp.code(RFC_SECRET_BASE32, now);
        assertThat(Totp.matchingStep(RFC_SECRET_BASE32, code.substring(0, 3) + " " + code.substring(3), now, 0))
                .isPresent();
        assertThat(Totp.matchingStep(RFC_SECRET_BASE32, "", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET_BASE32, "abcdef", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET_BASE32, code + "0", now, 0)).isEmpty();
    }

    @Test
    void secretsAreSealedBoundToTheirAccountAndRecoveryCodesHashedWithTheKey() {
        SecretBox box = new SecretBox("test-key");
        java.util.UUID account = java.util.UUID.randomUUID();
        String sealed = box.seal(RFC_SECRET_BASE32, account);
        assertThat(sealed).startsWith("v1:").doesNotContain(RFC_SECRET_BASE32);
        assertThat(box.open(sealed, account)).isEqualTo(RFC_SECRET_BASE32);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> box.open(sealed, java.util.UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SecretBox("other-key").open(sealed, account))
                .isInstanceOf(IllegalStateException.class);
        assertThat(box.hash("abcdefghjk")).hasSize(64).isNotEqualTo(new SecretBox("other-key").hash("abcdefghjk"));
    }
}
