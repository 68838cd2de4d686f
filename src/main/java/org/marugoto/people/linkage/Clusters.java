package org.marugoto.people.linkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clusters the suggested pairs, strongest first, by union–find; two clusters are not joined when any record of one is
 * known to be a different person from any record of the other (same current household, a generation apart, or both
 * dates of birth exact and neither equal nor a slip), so that a chain of weak pairs cannot join parent and child.
 */
final class Clusters {

    private Clusters() {}

    static List<List<UUID>> of(Features[] records, List<long[]> matches) {
        matches.sort(Comparator.comparingDouble((long[] m) -> Double.longBitsToDouble(m[1]))
                .reversed());
        Map<Integer, List<Integer>> members = new HashMap<>();
        Map<Integer, Integer> root = new HashMap<>();
        for (long[] match : matches) {
            int a = (int) (match[0] >>> 32), b = (int) match[0];
            int ra = find(root, a), rb = find(root, b);
            if (ra == rb) {
                continue;
            }
            List<Integer> ma = members.computeIfAbsent(ra, k -> new ArrayList<>(List.of(k)));
            List<Integer> mb = members.computeIfAbsent(rb, k -> new ArrayList<>(List.of(k)));
            if (conflict(records, ma, mb)) {
                continue;
            }
            if (ma.size() < mb.size()) {
                List<Integer> t = ma;
                ma = mb;
                mb = t;
                int r = ra;
                ra = rb;
                rb = r;
            }
            ma.addAll(mb);
            members.remove(rb);
            root.put(rb, ra);
        }
        List<List<UUID>> clusters = new ArrayList<>();
        for (List<Integer> cluster : members.values()) {
            if (cluster.size() < 2) {
                continue; // a record whose only suggested pairs were refused
            }
            clusters.add(cluster.stream().map(i -> records[i].record.id()).toList());
        }
        return clusters;
    }

    private static int find(Map<Integer, Integer> root, int x) {
        int r = x;
        Integer next;
        while ((next = root.get(r)) != null) {
            r = next;
        }
        while ((next = root.get(x)) != null && next != r) {
            root.put(x, r);
            x = next;
        }
        return r;
    }

    private static boolean conflict(Features[] records, List<Integer> a, List<Integer> b) {
        for (int i : a) {
            for (int j : b) {
                Features x = records[i], y = records[j];
                if (LinkageEngine.ruledOut(x, y) || (datesDiffer(x, y) && !bridged(records, a, b, x, y))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Two dates that differ by more than a slip are still one person's when a record of the two clusters has a date
     * that each is a slip of (19500312 and 19500311 mistyped once each as 19500412 and 19500211): each record carries
     * its own slip.
     */
    private static boolean bridged(Features[] records, List<Integer> a, List<Integer> b, Features x, Features y) {
        for (List<Integer> cluster : List.of(a, b)) {
            for (int k : cluster) {
                Features z = records[k];
                if (z != x && z != y && z.birthDigits != null && !datesDiffer(z, x) && !datesDiffer(z, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean datesDiffer(Features x, Features y) {
        return x.birthDigits != null
                && y.birthDigits != null
                && x.birth != null
                && y.birth != null
                && !x.birthDigits.equals(y.birthDigits)
                && !LinkageEngine.slip(x.birth, y.birth, x.birthDigits, y.birthDigits);
    }
}
