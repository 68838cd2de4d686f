package org.marugoto.bench;

import java.util.Locale;
import org.marugoto.people.linkage.Decision;
import org.marugoto.people.linkage.LinkageEngine;
import org.marugoto.people.linkage.Model;

/**
 * Benchmark of the record-linkage engine on the seeded synthetic population of {@link LinkageData}: links every
 * record of N persons (default 20,000 and 1,000,000) in one batch run and prints pairwise and clustered precision,
 * recall and F1 and the time. Not a test: run it with {@code bench/linkage.sh [persons...]}; see bench/README.md.
 */
public final class LinkageBenchmark {

    private LinkageBenchmark() {}

    private static String describe(org.marugoto.people.linkage.LinkRecord r) {
        return String.join(
                " | ",
                String.valueOf(r.familyName()),
                String.valueOf(r.givenName()),
                String.valueOf(r.familyNameKana()),
                String.valueOf(r.givenNameKana()),
                String.valueOf(r.formerNames()),
                String.valueOf(r.sex()),
                String.valueOf(r.birth()),
                String.valueOf(r.phone()),
                String.valueOf(r.address()),
                String.valueOf(r.household()));
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        String[] sizes = args.length == 0 ? new String[] {"20000", "1000000"} : args;
        long seed = Long.getLong("bench.seed", 18L);
        System.out.printf(
                "cores: %d, max heap: %d MB, seed %d%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, seed);
        // warm-up on a small population so that the JIT has compiled the hot paths
        LinkageEngine.link(LinkageData.generate(5_000, seed + 1).records(), Model.defaults());
        for (String size : sizes) {
            int persons = Integer.parseInt(size.replace("_", ""));
            long g0 = System.nanoTime();
            LinkageData.Population population = LinkageData.generate(persons, seed);
            long g1 = System.nanoTime();
            Model start = Model.defaults();
            if (System.getProperty("bench.upper") != null) {
                start = new Model(
                        start.m(),
                        start.u(),
                        start.lambda(),
                        Double.parseDouble(System.getProperty("bench.upper")),
                        start.lower());
            }
            LinkageEngine.Result result = LinkageEngine.link(population.records(), start);
            long g2 = System.nanoTime();
            LinkageEvaluation e = LinkageEvaluation.of(population, result);
            long review = result.candidates().stream()
                    .filter(c -> c.decision() == Decision.REVIEW)
                    .count();
            System.out.printf(
                    "%n%,d persons, %,d records (generated in %.1f s)%n  linked in %.2f s: %,d pairs compared, %,d "
                            + "suggested, %,d to review, %,d clusters%n  pairwise:  %s%n  clustered: %s%n",
                    persons,
                    population.records().size(),
                    (g1 - g0) / 1e9,
                    (g2 - g1) / 1e9,
                    result.comparedPairs(),
                    result.candidates().size() - review,
                    review,
                    result.clusters().size(),
                    e.pairwise(),
                    e.clustered());
            java.util.Map<java.util.UUID, Integer> ids = new java.util.HashMap<>();
            for (int i = 0; i < population.records().size(); i++) {
                ids.put(population.records().get(i).id(), i);
            }
            long[] apart = new long[2];
            result.candidates().stream()
                    .filter(c -> c.reasons().contains(org.marugoto.people.linkage.Reason.CLUSTER_CONFLICT))
                    .forEach(c -> apart[
                            population.person()[ids.get(c.a())] == population.person()[ids.get(c.b())] ? 0 : 1]++);
            System.out.printf("  kept apart by clustering (to review): %d one person, %d two%n", apart[0], apart[1]);
            int show = Integer.getInteger("bench.errors", 0);
            if (show > 0) {
                java.util.Map<java.util.UUID, Integer> index = new java.util.HashMap<>();
                for (int i = 0; i < population.records().size(); i++) {
                    index.put(population.records().get(i).id(), i);
                }
                result.candidates().stream()
                        .filter(c -> c.decision() == Decision.MATCH
                                && population.person()[index.get(c.a())]
                                        != population.person()[index.get(c.b())])
                        .limit(show)
                        .forEach(c -> System.out.printf(
                                "  FP %.1f %s%n    %s%n    %s%n",
                                c.weight(),
                                c.reasons(),
                                describe(population.records().get(index.get(c.a()))),
                                describe(population.records().get(index.get(c.b())))));
                java.util.Map<java.util.List<org.marugoto.people.linkage.Reason>, Long> missed =
                        new java.util.HashMap<>();
                result.candidates().stream()
                        .filter(c -> c.decision() == Decision.REVIEW
                                && population.person()[index.get(c.a())]
                                        == population.person()[index.get(c.b())])
                        .forEach(c -> missed.merge(c.reasons(), 1L, Long::sum));
                missed.entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                        .limit(show)
                        .forEach(x -> System.out.println("  FN (review) " + x.getValue() + " " + x.getKey()));
            }
            if (Boolean.getBoolean("bench.model")) {
                System.out.println("  model: log2 lambda "
                        + Math.log(result.model().lambda()) / Math.log(2) + " " + result.model());
                for (double[][] mu :
                        new double[][][] {result.model().m(), result.model().u()}) {
                    StringBuilder s = new StringBuilder("  {");
                    for (double[] field : mu) {
                        s.append("{");
                        for (int l = 0; l < field.length; l++) {
                            s.append(l == 0 ? "" : ", ").append("%.3g".formatted(field[l]));
                        }
                        s.append("}, ");
                    }
                    System.out.println(s.append("}"));
                }
            }
        }
    }
}
