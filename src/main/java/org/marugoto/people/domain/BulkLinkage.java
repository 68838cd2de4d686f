package org.marugoto.people.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.linkage.Candidate;
import org.marugoto.people.linkage.LinkRecord;
import org.marugoto.people.linkage.LinkageEngine;
import org.marugoto.people.linkage.Model;
import org.marugoto.people.linkage.NameFrequencies;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.text.JapaneseText;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record linkage of a bulk registration, run once at the end (decision 0035): stores exactly the pairs that
 * {@link LinkageService#linkPerson} would store if the new persons had been registered one after another in the
 * order given. Each new person is compared (by {@link LinkageEngine#compare}, with the same model) with the records
 * that share one of the same blocking keys (loose reading, name, date of birth, phone, a former name) and that would
 * have been there already: the persons recorded before the batch, and the new persons before it in the batch. The
 * blocking is done in memory over one read of the records that share a key, instead of one query per person. Names
 * are weighed by their frequencies in the municipality after the batch, counted once for all (see {@link
 * #frequencies}); one by one, each save counts them anew.
 */
@Component
class BulkLinkage {

    /** A person just saved by a bulk registration, with the keys {@link PeopleService#personParams} computed. */
    record Saved(
            UUID id,
            UUID householdId,
            UUID ownerAgencyId,
            PersonCommand person,
            String readingKey,
            String nameKey,
            @Nullable String phoneKey,
            String formerNameKeys) {}

    /** A record with its blocking keys. */
    private record Keyed(
            LinkRecord record,
            String reading,
            String name,
            @Nullable LocalDate birth,
            @Nullable String phone,
            String former) {}

    private static final String UPSERT_CANDIDATE = """
            insert into person_link_candidate (municipality_id, id, person_a, person_b, weight,
                probability, decision, reasons, status, found_at, version)
            values (:m, :id, :a, :b, :weight, :probability, :decision, :reasons, 'OPEN', :now, 0)
            on conflict (municipality_id, person_a, person_b) do update
              set weight = excluded.weight, probability = excluded.probability,
                  decision = excluded.decision, reasons = excluded.reasons, found_at = excluded.found_at
              where person_link_candidate.status = 'OPEN'
            """;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkLinkage.class);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Tenancy tenancy;
    private final Clock clock;

    BulkLinkage(JdbcClient jdbc, NamedParameterJdbcTemplate named, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * What a bulk registration's persons are compared with and weighed by, prepared before they are written
     * ({@link #prepare}): the records recorded before that share a key with one of them, then the persons themselves
     * (in the order given), the features of all computed once, and the names' frequencies.
     */
    static final class Prepared {
        private final List<Keyed> records;
        private final int before;
        private final LinkageEngine.Prepared features;
        private final NameFrequencies frequencies;

        private Prepared(
                List<Keyed> records, int before, LinkageEngine.Prepared features, NameFrequencies frequencies) {
            this.records = records;
            this.before = before;
            this.features = features;
            this.frequencies = frequencies;
        }
    }

    /**
     * Links the saved persons (in the order they were saved) with the records read before they were written and with
     * each other; returns the number of pairs stored.
     */
    int link(List<Saved> saved, Prepared prepared) {
        if (saved.isEmpty()) {
            return 0;
        }
        long t1 = System.nanoTime();
        List<Keyed> records = prepared.records;
        int before = prepared.before;
        Map<Object, List<Integer>> buckets = new HashMap<>();
        List<Integer> withFormer = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Keyed k = records.get(i);
            buckets.computeIfAbsent("r:" + k.reading(), x -> new ArrayList<>()).add(i);
            buckets.computeIfAbsent("n:" + k.name(), x -> new ArrayList<>()).add(i);
            if (k.birth() != null) {
                buckets.computeIfAbsent(k.birth(), x -> new ArrayList<>()).add(i);
            }
            if (k.phone() != null) {
                buckets.computeIfAbsent("p:" + k.phone(), x -> new ArrayList<>())
                        .add(i);
            }
            if (!k.former().isEmpty()) {
                withFormer.add(i);
            }
        }
        LinkageEngine.Comparison comparison = LinkageEngine.comparison(Model.defaults(), prepared.frequencies);
        long t2 = System.nanoTime();
        List<List<Candidate>> found = IntStream.range(before, records.size())
                .parallel()
                .mapToObj(i -> {
                    Keyed probe = records.get(i);
                    String familyKey =
                            JapaneseText.nameKey(saved.get(i - before).person().familyName());
                    // the records a registration at this point would have blocked on (ids in index order)
                    Set<Integer> others = new java.util.TreeSet<>();
                    for (Object key : new Object[] {
                        "r:" + probe.reading(), "n:" + probe.name(), probe.birth(), "p:" + probe.phone()
                    }) {
                        List<Integer> bucket = key == null ? null : buckets.get(key);
                        if (bucket != null) {
                            for (int j : bucket) {
                                if (j >= i) {
                                    break;
                                }
                                others.add(j);
                            }
                        }
                    }
                    for (int j : withFormer) {
                        if (j < i && records.get(j).former().contains(familyKey)) {
                            others.add(j);
                        }
                    }
                    int[] compared = others.stream()
                            .limit(LinkageService.BLOCK_LIMIT)
                            .mapToInt(Integer::intValue)
                            .toArray();
                    return comparison.compare(prepared.features, i, compared);
                })
                .toList();
        long t3 = System.nanoTime();
        int stored = store(found);
        log.info(
                "bulk linkage: {} earlier records, {} ms to block, compared in {} ms, {} pairs stored in {} ms",
                before,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                stored,
                (System.nanoTime() - t3) / 1_000_000);
        return stored;
    }

    /**
     * Prepares the linkage of the persons about to be saved, before they are written, in the transaction that writes
     * them: reads the records recorded before (not deceased) that share a blocking key with one of them, or that carry
     * a former name (compared by substring, as the registration's query does); computes the features of those and of
     * the new persons once; and counts the frequencies of the new persons' names in the municipality as it will be
     * once they are saved (decision 0037): every person's names read once, held one row at a time, plus the new
     * persons'. Registering one by one counts them at each save, so a name the batch brings many times weighs a little
     * less here than it did for the first of them there.
     */
    Prepared prepare(List<Saved> saved) {
        Set<String> readings = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> births = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        for (Saved s : saved) {
            readings.add(s.readingKey());
            names.add(s.nameKey());
            if (s.person().birthDate() != null) {
                births.add(s.person().birthDate().toString());
            }
            if (s.phoneKey() != null) {
                phones.add(s.phoneKey());
            }
        }
        long t0 = System.nanoTime();
        List<Keyed> records = new ArrayList<>();
        // the keys as sets the database hashes once ("in (select unnest(…))": a hashed subplan), not arrays searched
        // element by element for every row (= any(…) over tens of thousands of keys took seconds for a few hundred
        // rows)
        jdbc.sql("select " + LinkageService.RECORD_COLUMNS + """
                        , p.loose_reading_key, p.name_key, p.phone_key, p.former_name_keys
                        from person p
                        where p.municipality_id = :m and p.deceased_on is null
                          and (p.loose_reading_key in (select unnest(cast(:readings as text[])))
                               or p.name_key in (select unnest(cast(:names as text[])))
                               or p.birth_date in (select unnest(cast(:births as date[])))
                               or p.phone_key in (select unnest(cast(:phones as text[])))
                               or coalesce(p.former_name_keys, '') <> '')
                        order by p.created_at, p.id
                        """)
                .param("m", tenancy.municipalityId())
                .param("readings", readings.toArray(String[]::new))
                .param("names", names.toArray(String[]::new))
                .param("births", births.toArray(String[]::new))
                .param("phones", phones.toArray(String[]::new))
                .query(rs -> {
                    String former = rs.getString("former_name_keys");
                    records.add(new Keyed(
                            LinkageService.record(rs),
                            rs.getString("loose_reading_key"),
                            rs.getString("name_key"),
                            rs.getObject("birth_date", LocalDate.class),
                            rs.getString("phone_key"),
                            former == null ? "" : former));
                });
        int before = records.size();
        long t1 = System.nanoTime();
        for (Saved s : saved) {
            PersonCommand p = s.person();
            LinkRecord record = new LinkRecord(
                    s.id(),
                    s.ownerAgencyId(),
                    p.familyName(),
                    p.givenName(),
                    p.familyNameKana(),
                    p.givenNameKana(),
                    p.formerNames(),
                    p.sex().name(),
                    LinkageService.approx(p.birthDate(), p.birthDate() == null ? p.approximateBirth() : null),
                    p.phone(),
                    p.address(),
                    s.householdId(),
                    false);
            records.add(
                    new Keyed(record, s.readingKey(), s.nameKey(), p.birthDate(), s.phoneKey(), s.formerNameKeys()));
        }
        LinkageEngine.Prepared features =
                LinkageEngine.prepare(records.stream().map(Keyed::record).toList());
        long t2 = System.nanoTime();
        NameFrequencies.Counter counter = NameFrequencies.counter(features, before, records.size());
        jdbc.sql("""
                        select p.id, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana
                        from person p where p.municipality_id = :m
                        """).param("m", tenancy.municipalityId()).query(rs -> {
            counter.add(LinkageService.names(rs));
        });
        for (int i = before; i < records.size(); i++) {
            counter.add(features, i);
        }
        log.info(
                "bulk linkage prepared: {} earlier records read in {} ms, features of {} in {} ms, frequencies {} ms",
                before,
                (t1 - t0) / 1_000_000,
                records.size(),
                (t2 - t1) / 1_000_000,
                (System.nanoTime() - t2) / 1_000_000);
        return new Prepared(records, before, features, counter.frequencies());
    }

    private int store(List<List<Candidate>> found) {
        Timestamp now = Timestamp.from(clock.instant());
        UUID m = tenancy.municipalityId();
        List<SqlParameterSource> rows = new ArrayList<>();
        int stored = 0;
        for (List<Candidate> candidates : found) {
            for (Candidate c : candidates) {
                UUID a = c.a().compareTo(c.b()) < 0 ? c.a() : c.b();
                UUID b = a.equals(c.a()) ? c.b() : c.a();
                rows.add(new MapSqlParameterSource()
                        .addValue("m", m)
                        .addValue("id", Ids.newId())
                        .addValue("a", a)
                        .addValue("b", b)
                        .addValue("weight", c.weight())
                        .addValue("probability", c.probability())
                        .addValue("decision", c.decision().name())
                        .addValue(
                                "reasons",
                                String.join(
                                        ",",
                                        c.reasons().stream().map(Enum::name).toList()))
                        .addValue("now", now));
                stored++;
                if (rows.size() == BulkRegistrations.CHUNK) {
                    named.batchUpdate(UPSERT_CANDIDATE, rows.toArray(SqlParameterSource[]::new));
                    rows.clear();
                }
            }
        }
        if (!rows.isEmpty()) {
            named.batchUpdate(UPSERT_CANDIDATE, rows.toArray(SqlParameterSource[]::new));
        }
        return stored;
    }
}
