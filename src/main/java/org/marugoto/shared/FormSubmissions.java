package org.marugoto.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time form tokens, for forms whose second submit must not act twice (registering a person, sending a
 * referral). The service claims the form's token in the transaction that creates the record and, before it commits,
 * names the result; a second submit with the same token, in sequence or in parallel, gets that result instead of
 * creating another. A parallel one waits for the first to commit; if the first rolls back, the token is free again.
 */
@Component
public class FormSubmissions {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    FormSubmissions(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * Claims {@code token} for a new submission of a {@code kind} form: empty if this submission is the first (the
     * caller creates its record and then calls {@link #complete}), else the result of the earlier one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> claim(UUID token, String kind) {
        int inserted = jdbc.sql("""
                        insert into form_submission (municipality_id, token, kind, created_at) values (?, ?, ?, ?)
                        on conflict (municipality_id, token) do nothing
                        """)
                .params(tenancy.municipalityId(), token, kind, Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select result_id from form_submission where municipality_id = ? and token = ?")
                .params(tenancy.municipalityId(), token)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("form submission " + token + " without a result")));
    }

    /** Names the record the first submission created. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(UUID token, UUID resultId) {
        jdbc.sql("update form_submission set result_id = ? where municipality_id = ? and token = ?")
                .params(resultId, tenancy.municipalityId(), token)
                .update();
    }
}
