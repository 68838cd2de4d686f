package org.marugoto.shared.table;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checked rows of previewed files, kept in memory (never on disk) under a random token until they are imported
 * or for 30 minutes; only the user who previewed may take them, and at most 20 previews wait at once (the oldest goes
 * first). As for the import of households and persons (decision 0031): the rows live on the node that made the
 * preview.
 */
public final class StagedRows<T> {

    static final Duration KEEP = Duration.ofMinutes(30);
    static final int MAX_STAGED = 20;

    private record Entry<T>(String username, T rows, Instant expires) {}

    private final Map<UUID, Entry<T>> staged = new ConcurrentHashMap<>();
    private final Clock clock;

    public StagedRows(Clock clock) {
        this.clock = clock;
    }

    /** Keeps the rows for the user and answers their token. */
    public UUID put(String username, T rows) {
        Instant now = clock.instant();
        staged.entrySet().removeIf(e -> e.getValue().expires().isBefore(now));
        while (staged.size() >= MAX_STAGED) {
            staged.entrySet().stream()
                    .min(Comparator.comparing(e -> e.getValue().expires()))
                    .ifPresent(e -> staged.remove(e.getKey()));
        }
        UUID token = UUID.randomUUID();
        staged.put(token, new Entry<>(username, rows, now.plus(KEEP)));
        return token;
    }

    /** The rows under the token, if they are the user's and have not expired. */
    public Optional<T> get(UUID token, String username) {
        Entry<T> e = staged.get(token);
        if (e == null || !e.username().equals(username) || e.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(e.rows());
    }

    /** Forgets the rows under the token (after they were imported). */
    public void remove(UUID token) {
        staged.remove(token);
    }
}
