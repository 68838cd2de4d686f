package org.marugoto.people.linkage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.marugoto.bench.LinkageData;

/**
 * Not a test: a tool for the benchmark's error analysis (bench/README.md). Links a generated population and counts
 * the true pairs not suggested (not compared at all, or compared and left below a threshold) and the false
 * suggestions, by the levels of the pair. {@code java ... org.marugoto.people.linkage.LinkageDiagnosis 20000}
 */
public final class LinkageDiagnosis {

    private LinkageDiagnosis() {}

    public static void main(String[] args) {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        LinkageData.Population population = LinkageData.generate(persons, Long.getLong("bench.seed", 18L));
        List<LinkRecord> records = population.records();
        LinkageEngine.Result result = LinkageEngine.link(records, Model.defaults());
        Features[] f = records.stream().map(Features::new).toArray(Features[]::new);
        Features.inferReadings(f);
        Set<Long> compared = new HashSet<>();
        for (long p : Blocking.pairs(f)) {
            compared.add(p);
        }
        Map<UUID, Integer> index = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            index.put(records.get(i).id(), i);
        }
        Map<Long, Candidate> found = new HashMap<>();
        for (Candidate c : result.candidates()) {
            int a = index.get(c.a()), b = index.get(c.b());
            found.put(a < b ? ((long) a << 32) | b : ((long) b << 32) | a, c);
        }
        Map<String, Integer> missed = new HashMap<>();
        Map<Integer, int[]> byPerson = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            int[] list = byPerson.get(population.person()[i]);
            byPerson.put(population.person()[i], list == null ? new int[] {i} : append(list, i));
        }
        NameFrequencies frequencies = NameFrequencies.of(f);
        for (int[] list : byPerson.values()) {
            for (int x = 0; x < list.length; x++) {
                for (int y = x + 1; y < list.length; y++) {
                    long key = ((long) list[x] << 32) | list[y];
                    Candidate c = found.get(key);
                    if (c != null && c.decision() == Decision.MATCH) {
                        continue;
                    }
                    int pattern = LinkageEngine.pattern(f[list[x]], f[list[y]]);
                    String state = !compared.contains(key)
                            ? "not compared"
                            : (pattern & LinkageEngine.RULED_OUT) != 0
                                    ? "ruled out"
                                    : c == null ? "below review" : "review";
                    missed.merge(state + " " + describe(pattern), 1, Integer::sum);
                    if (Boolean.getBoolean("bench.show")
                            && state.equals("not compared")
                            && LinkageEngine.level(pattern, LinkageEngine.BIRTH) == 0) {
                        System.out.println("  " + show(f[list[x]]) + "\n  " + show(f[list[y]]));
                    }
                }
            }
        }
        Map<String, Integer> wrong = new HashMap<>();
        for (Candidate c : result.candidates()) {
            int a = index.get(c.a()), b = index.get(c.b());
            if (c.decision() == Decision.MATCH
                    && population.person()[a] != population.person()[b]) {
                int pattern = LinkageEngine.pattern(f[a], f[b]);
                wrong.merge(
                        describe(pattern)
                                + " tf=%.0f"
                                        .formatted(LinkageEngine.frequencyAdjustment(
                                                f[a], f[b], pattern, result.model(), frequencies)),
                        1,
                        Integer::sum);
            }
        }
        int limit = Integer.getInteger("bench.errors", 30);
        System.out.println("true pairs not suggested (state, levels family/given/name/birth/sex/contact):");
        print(missed, limit);
        System.out.println("false suggestions:");
        print(wrong, limit);
    }

    private static void print(Map<String, Integer> counts, int limit) {
        System.out.println("  total "
                + counts.values().stream().mapToInt(Integer::intValue).sum());
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                .limit(limit)
                .forEach(e -> System.out.printf("  %6d %s%n", e.getValue(), e.getKey()));
    }

    private static String describe(int pattern) {
        String[][] names = {
            {"same", "former", "similar", "diff(women)", "diff", "-"},
            {"same", "similar", "diff", "-"},
            {"kanji same", "kanji half", "kanji diff", "homophone", "-"},
            {"same", "slip", "approx year", "approx window", "two digits", "diff", "-"},
            {"sex same", "sex diff", "-"},
            {"ph= ad=", "ph= ad!", "ph= ad-", "ph! ad=", "ph! ad!", "ph! ad-", "ph- ad=", "ph- ad!", "-"}
        };
        StringBuilder s = new StringBuilder();
        for (int field = 0; field < names.length; field++) {
            s.append(field == 0 ? "" : "/").append(names[field][LinkageEngine.level(pattern, field)]);
        }
        return s.toString();
    }

    private static String show(Features f) {
        return String.join(
                "|",
                f.familyReading,
                f.givenReading,
                f.familyName,
                f.givenName,
                String.valueOf(f.birthDigits),
                String.valueOf(f.readingInferred),
                String.valueOf(f.record.household()));
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }
}
