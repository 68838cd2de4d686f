package org.marugoto.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.MarugotoApplication;
import org.marugoto.people.ApproximateBirth;
import org.marugoto.people.MembershipCommand;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.people.domain.PeopleService;
import org.marugoto.people.domain.SearchHit;
import org.marugoto.people.linkage.ApproxDate;
import org.marugoto.people.linkage.LinkRecord;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.RuleViolation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The linkage as a caseworker meets it (issue 18): every record of a seeded {@link LinkageData} population (2,000
 * persons by default, about 4,400 records) is registered one by one, by one agency, through the registration path —
 * first the duplicate check the form shows ({@link PeopleService#duplicates}), then the registration itself, which
 * links the new record as it is saved. Prints the precision, recall and F1 of the warnings shown (pairwise and as
 * clusters, the transitive closure of the warnings), the share of registrations that raised one, and the same figures
 * for the pairs the engine put in the coordinators' queue. Not a test: run it with {@code bench/registration.sh}.
 */
public final class RegistrationBenchmark {

    private RegistrationBenchmark() {}

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        int persons = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 2_000;
        long seed = Long.getLong("bench.seed", 18L);
        String onto = System.getProperty("bench.onto");
        List<String> options = new ArrayList<>(List.of(
                "--server.port=0",
                "--marugoto.demo.enabled=true",
                "--marugoto.demo.households=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        if (onto == null) {
            options.add("--marugoto.db.embedded.temporary=true");
        } else {
            // onto a large population kept by bench/search.sh; everything is rolled back at the end
            options.add("--marugoto.db.embedded.data-dir="
                    + java.nio.file.Path.of(onto).toAbsolutePath());
            options.add("--marugoto.db.embedded.temporary=false");
        }
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(MarugotoApplication.class).run(options.toArray(String[]::new));
        int exit = 0;
        try {
            if (onto == null) {
                run(context, persons, seed);
            } else {
                new org.springframework.transaction.support.TransactionTemplate(
                                context.getBean(org.springframework.transaction.PlatformTransactionManager.class))
                        .executeWithoutResult(status -> {
                            run(context, persons, seed);
                            status.setRollbackOnly();
                        });
                System.out.println("(all rolled back: the population in " + onto + " is unchanged)");
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            context.close();
        }
        System.exit(exit);
    }

    static void run(ConfigurableApplicationContext context, int persons, long seed) {
        PeopleService people = context.getBean(PeopleService.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        CurrentActor.actAs(context.getBean(UserDetailsService.class).loadUserByUsername("caseworker"));
        LinkageData.Population population = LinkageData.generate(persons, seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < population.records().size(); i++) {
            order.add(i);
        }
        // records arrive over time, not person by person
        Collections.shuffle(order, new Random(seed));
        // -Dbench.records=N registers only the first N of them (onto a large population, to time the path)
        int limit = Integer.getInteger("bench.records", order.size());
        if (limit < order.size()) {
            order = new ArrayList<>(order.subList(0, limit));
        }

        Map<UUID, Integer> recordOf = new HashMap<>();
        Map<Object, UUID> households = new HashMap<>();
        Map<Integer, Integer> recordsPerPerson = new HashMap<>();
        long warnedPairs = 0, warnedTrue = 0, truePairsSeen = 0, registrationsWarned = 0, refused = 0;
        List<long[]> warnings = new ArrayList<>();
        long[] checkNanos = new long[population.records().size()];
        long[] registerNanos = new long[population.records().size()];
        int timed = 0;
        long population0 =
                jdbc.sql("select count(*) from person").query(Long.class).single();
        long started = System.nanoTime();
        for (int i : order) {
            LinkRecord r = population.records().get(i);
            int who = population.person()[i];
            PersonCommand command = command(r);
            List<SearchHit> hits;
            long t0 = System.nanoTime();
            try {
                hits = people.duplicates(command);
            } catch (RuleViolation e) {
                refused++;
                continue;
            }
            truePairsSeen += recordsPerPerson.getOrDefault(who, 0);
            long t1 = System.nanoTime();
            Set<Integer> warned = new HashSet<>();
            for (SearchHit hit : hits) {
                Integer other = recordOf.get(hit.person().id());
                // a person of the population already there (demo, or bench.onto) is always someone else
                warnedPairs++;
                if (other != null && warned.add(other)) {
                    warnings.add(new long[] {i, other});
                    if (population.person()[other] == who) {
                        warnedTrue++;
                    }
                }
            }
            if (!hits.isEmpty()) {
                registrationsWarned++;
            }
            UUID household = households.get(r.household());
            MembershipCommand membership = new MembershipCommand(
                    household, null, household == null ? Relationship.SELF : Relationship.OTHER, true, null);
            long t2 = System.nanoTime();
            org.marugoto.people.MemberView member = people.register(command, membership);
            checkNanos[timed] = t1 - t0;
            registerNanos[timed++] = System.nanoTime() - t2;
            UUID personId = member.person().id();
            if (household == null && r.household() != null) {
                households.put(r.household(), member.householdId());
            }
            recordOf.put(personId, i);
            recordsPerPerson.merge(who, 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int registered = recordOf.size();

        long truePairs = 0;
        for (int n : recordsPerPerson.values()) {
            truePairs += (long) n * (n - 1) / 2;
        }
        System.out.printf(
                "%n%,d persons, %,d records (seed %d); %,d registered by one agency in %.1f s (%.1f ms each), %,d "
                        + "refused by the form's checks%n",
                persons,
                population.records().size(),
                seed,
                registered,
                seconds,
                seconds * 1000 / Math.max(1, registered),
                refused);
        System.out.printf(
                "onto a population of %,d persons; per registration in ms, p50 / p95 / p99 / max: duplicate check %s;"
                        + " registration with its linkage %s%n",
                population0, percentiles(checkNanos, timed), percentiles(registerNanos, timed));
        System.out.printf(
                "registrations that raised a warning: %,d of %,d (%.1f %%)%n",
                registrationsWarned, registered, 100.0 * registrationsWarned / Math.max(1, registered));
        System.out.println("duplicate warnings at registration (a warned pair: the new record and a record shown)");
        System.out.println("  pairwise:  " + new LinkageEvaluation.Score(warnedTrue, warnedPairs, truePairsSeen));
        System.out.println("  clustered: " + clustered(warnings, population, recordOf.values(), truePairs));

        // the coordinators' queue: the pairs the engine stored as the records were saved
        Map<UUID, Integer> index = recordOf;
        List<long[]> suggested = new ArrayList<>();
        List<long[]> anyPair = new ArrayList<>();
        jdbc.sql("select person_a, person_b, decision from person_link_candidate where status = 'OPEN'")
                .query(rs -> {
                    Integer a = index.get(rs.getObject(1, UUID.class));
                    Integer b = index.get(rs.getObject(2, UUID.class));
                    if (a != null && b != null) {
                        anyPair.add(new long[] {a, b});
                        if ("MATCH".equals(rs.getString(3))) {
                            suggested.add(new long[] {a, b});
                        }
                    }
                });
        System.out.println("the coordinators' queue (pairs stored as the records were saved)");
        System.out.println("  suggested, pairwise:  " + pairwise(suggested, population, truePairs));
        System.out.println("  suggested, clustered: " + clustered(suggested, population, recordOf.values(), truePairs));
        System.out.println("  with review, pairwise: " + pairwise(anyPair, population, truePairs));
    }

    private static String percentiles(long[] nanos, int n) {
        long[] sorted = java.util.Arrays.copyOf(nanos, n);
        java.util.Arrays.sort(sorted);
        java.util.function.DoubleFunction<String> at =
                q -> String.format(Locale.ROOT, "%.1f", sorted[Math.min(n - 1, (int) Math.ceil(q * n) - 1)] / 1e6);
        return at.apply(0.50) + " / " + at.apply(0.95) + " / " + at.apply(0.99) + " / " + at.apply(1.0);
    }

    private static LinkageEvaluation.Score pairwise(
            List<long[]> pairs, LinkageData.Population population, long truePairs) {
        long tp = pairs.stream()
                .filter(p -> population.person()[(int) p[0]] == population.person()[(int) p[1]])
                .count();
        return new LinkageEvaluation.Score(tp, pairs.size(), truePairs);
    }

    /** The transitive closure of the pairs, scored as all pairs within each cluster. */
    private static LinkageEvaluation.Score clustered(
            List<long[]> pairs,
            LinkageData.Population population,
            java.util.Collection<Integer> records,
            long truePairs) {
        Map<Integer, Integer> parent = new HashMap<>();
        for (int r : records) {
            parent.put(r, r);
        }
        for (long[] p : pairs) {
            int a = find(parent, (int) p[0]), b = find(parent, (int) p[1]);
            if (a != b) {
                parent.put(a, b);
            }
        }
        Map<Integer, Map<Integer, Integer>> clusters = new HashMap<>();
        for (int r : records) {
            clusters.computeIfAbsent(find(parent, r), k -> new HashMap<>())
                    .merge(population.person()[r], 1, Integer::sum);
        }
        long tp = 0, predicted = 0;
        for (Map<Integer, Integer> byPerson : clusters.values()) {
            int size = byPerson.values().stream().mapToInt(Integer::intValue).sum();
            predicted += (long) size * (size - 1) / 2;
            for (int n : byPerson.values()) {
                tp += (long) n * (n - 1) / 2;
            }
        }
        return new LinkageEvaluation.Score(tp, predicted, truePairs);
    }

    private static int find(Map<Integer, Integer> parent, int x) {
        int root = x;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        while (parent.get(x) != root) {
            int next = parent.get(x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }

    /** The record as the form hands it over: a kana-only record has no reading, an age or a year is approximate. */
    static PersonCommand command(LinkRecord r) {
        ApproxDate birth = r.birth();
        LocalDate exact = null;
        ApproximateBirth approximate = null;
        if (birth != null) {
            switch (birth.precision()) {
                case DAY -> exact = LocalDate.of(birth.year(), birth.month(), birth.day());
                case MONTH -> approximate = new ApproximateBirth(birth.year(), birth.month(), false);
                case YEAR -> approximate = new ApproximateBirth(birth.year(), 0, false);
                case AROUND_YEAR -> approximate = new ApproximateBirth(birth.year(), 0, true);
            }
        }
        return new PersonCommand(
                r.familyName(),
                r.givenName(),
                orEmpty(r.familyNameKana()),
                r.familyNameKana() == null ? null : r.givenNameKana(),
                r.formerNames(),
                "MALE".equals(r.sex()) ? Sex.MALE : "FEMALE".equals(r.sex()) ? Sex.FEMALE : Sex.NOT_STATED,
                exact,
                r.address(),
                null,
                null,
                r.phone(),
                null,
                null,
                null,
                null,
                approximate);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
