package org.marugoto.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An audit row as an auditor reads it. */
public record AuditEventView(
        UUID id,
        Instant occurredAt,
        @Nullable String actorUsername,
        AuditAction action,
        String recordType,
        @Nullable UUID recordId,
        @Nullable String purpose,
        @Nullable String clientAddress,
        String details) {

    /** The same event with its details rewritten for reading (ids replaced by names). */
    public AuditEventView withDetails(String readable) {
        return new AuditEventView(
                id, occurredAt, actorUsername, action, recordType, recordId, purpose, clientAddress, readable);
    }

    /** The message key suffix of the purpose: lower case, words joined by hyphens ("case conference" → "case-conference"). */
    public @Nullable String purposeKey() {
        if (purpose == null) {
            return null;
        }
        String key = purpose.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        key = key.replaceAll("^-+|-+$", "");
        return key.isEmpty() ? null : key;
    }

    /** The client address in its short form: {@code 0:0:0:0:0:0:0:1} → {@code ::1}. */
    public @Nullable String shortClientAddress() {
        if (clientAddress == null) {
            return null;
        }
        try {
            java.net.InetAddress address = literal(clientAddress);
            if (address instanceof java.net.Inet6Address) {
                return compress(address.getHostAddress());
            }
            return address.getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return clientAddress;
        }
    }

    /** Whether the client was the server itself. */
    public boolean fromLocalhost() {
        try {
            return clientAddress != null && literal(clientAddress).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** RFC 5952 short form of a full IPv6 address: the longest run of zero groups becomes "::". */
    private static String compress(String full) {
        String[] groups = full.split("%")[0].split(":");
        for (int i = 0; i < groups.length; i++) {
            groups[i] = Integer.toHexString(Integer.parseInt(groups[i], 16));
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            if (!groups[i].equals("0")) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }

    /** Parses an address literal without ever asking DNS: anything that is not one is refused. */
    private static java.net.InetAddress literal(String text) throws java.net.UnknownHostException {
        if (!text.matches("[0-9a-fA-F:.]+") || !(text.contains(":") || text.matches("[0-9.]+"))) {
            throw new java.net.UnknownHostException(text);
        }
        return java.net.InetAddress.getByName(text);
    }
}
