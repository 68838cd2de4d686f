package org.marugoto.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.marugoto.people.linkage.Candidate;
import org.marugoto.people.linkage.Decision;
import org.marugoto.people.linkage.LinkageEngine;

/** Precision, recall and F1 of a linkage result against the ground truth, pairwise and as clusters. */
public record LinkageEvaluation(Score pairwise, Score clustered, long truePairs) {

    public record Score(long truePositives, long predicted, long actual) {
        public double precision() {
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        public double recall() {
            return actual == 0 ? 1 : (double) truePositives / actual;
        }

        public double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return "precision %.4f  recall %.4f  F1 %.4f  (%d of %d suggested pairs right, %d true pairs)"
                    .formatted(precision(), recall(), f1(), truePositives, predicted, actual);
        }
    }

    public static LinkageEvaluation of(LinkageData.Population population, LinkageEngine.Result result) {
        Map<UUID, Integer> person = new HashMap<>(population.records().size() * 2);
        Map<Integer, Integer> recordsPerPerson = new HashMap<>();
        for (int i = 0; i < population.records().size(); i++) {
            person.put(population.records().get(i).id(), population.person()[i]);
            recordsPerPerson.merge(population.person()[i], 1, Integer::sum);
        }
        long truePairs = 0;
        for (int n : recordsPerPerson.values()) {
            truePairs += (long) n * (n - 1) / 2;
        }
        long tp = 0, predicted = 0;
        for (Candidate c : result.candidates()) {
            if (c.decision() == Decision.MATCH) {
                predicted++;
                if (person.get(c.a()).equals(person.get(c.b()))) {
                    tp++;
                }
            }
        }
        long clusterTp = 0, clusterPredicted = 0;
        for (List<UUID> cluster : result.clusters()) {
            Map<Integer, Integer> byPerson = new HashMap<>();
            for (UUID id : cluster) {
                byPerson.merge(person.get(id), 1, Integer::sum);
            }
            clusterPredicted += (long) cluster.size() * (cluster.size() - 1) / 2;
            for (int n : byPerson.values()) {
                clusterTp += (long) n * (n - 1) / 2;
            }
        }
        return new LinkageEvaluation(
                new Score(tp, predicted, truePairs), new Score(clusterTp, clusterPredicted, truePairs), truePairs);
    }
}
