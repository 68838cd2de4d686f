package org.marugoto.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventViewTests {

    private static AuditEventView from(String address, String purpose) {
        return new AuditEventView(
                UUID.randomUUID(), Instant.EPOCH, "u", AuditAction.READ, "person", null, purpose, address, "");
    }

    @Test
    void addressesAreShownShort() {
        assertThat(from("0:0:0:0:0:0:0:1", null).shortClientAddress()).isEqualTo("::1");
        assertThat(from("0:0:0:0:0:0:0:1", null).fromLocalhost()).isTrue();
        assertThat(from("2001:db8:0:0:0:0:2:1", null).shortClientAddress()).isEqualTo("2001:db8::2:1");
        assertThat(from("192.168.10.4", null).shortClientAddress()).isEqualTo("192.168.10.4");
        assertThat(from("192.168.10.4", null).fromLocalhost()).isFalse();
        assertThat(from("example.org", null).fromLocalhost()).isFalse();
    }

    @Test
    void purposesHaveMessageKeys() {
        assertThat(from(null, "meeting overview (restricted)").purposeKey()).isEqualTo("meeting-overview-restricted");
        assertThat(from(null, "家族の急な入院のため").purposeKey()).isNull();
    }
}
