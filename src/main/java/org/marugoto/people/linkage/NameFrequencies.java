package org.marugoto.people.linkage;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How often each family and given name occurs among the records being linked: the term frequencies of the
 * frequency adjustment (Splink's "term frequency adjustment"). Two records that agree on さとう agree on something
 * one record in sixty carries; two that agree on てしがわら agree on something almost no one carries. The model's u of
 * an exact agreement is the average over all names; for a pair whose name is known here, u is replaced by the share of
 * records that carry it, so the weight becomes log2(m / frequency): more than average for a rare name, less for a
 * common one. Readings and names as written (for records without a reading) are counted apart; one person recorded
 * by several agencies counts once per record, as in Splink.
 */
public final class NameFrequencies {

    /** Fewer records than this say too little about frequencies: no adjustment. */
    static final int MIN_RECORDS = 200;

    /** The adjustment is kept within these bits (a frequency seen in a small population is noisy). */
    static final double MAX_UP = 8, MAX_DOWN = 6;

    private static final NameFrequencies NONE = new NameFrequencies(emptyCounts(), new int[4], false);

    private static final int FAMILY_READING = 0, FAMILY_NAME = 1, GIVEN_READING = 2, GIVEN_NAME = 3;

    private final Map<String, Integer>[] counts;
    private final int[] totals;

    /** Whether only some names were counted (those of one probe): a name not counted is not known, not rare. */
    private final boolean partial;

    private NameFrequencies(Map<String, Integer>[] counts, int[] totals, boolean partial) {
        this.counts = counts;
        this.totals = totals;
        this.partial = partial;
    }

    /** No frequencies: every exact agreement weighs what the model says on average. */
    public static NameFrequencies none() {
        return NONE;
    }

    /** The frequencies of the names of these records (the population, or a large enough sample of it). */
    public static NameFrequencies of(Collection<LinkRecord> records) {
        return of(records.stream().map(Features::new).toArray(Features[]::new));
    }

    /**
     * The frequencies of one probe's names only, for comparing that probe (the check on registration and save):
     * {@code namesakes} are the records of the population that share at least one of its family or given names (as
     * read or as written; others may be among them, they are not counted), {@code population} the number of records.
     * Names of other records are not known: a pair agreeing on a name the probe does not carry is not adjusted.
     */
    public static NameFrequencies forProbe(LinkRecord probe, Collection<LinkRecord> namesakes, int population) {
        Features p = new Features(probe);
        Map<String, Integer>[] counts = emptyCounts();
        String[] keys = {p.familyReading, p.familyName, p.givenReading, p.givenName};
        for (int kind = 0; kind < keys.length; kind++) {
            if (!keys[kind].isEmpty()) {
                counts[kind].put(keys[kind], 0);
            }
        }
        for (LinkRecord r : namesakes) {
            Features f = new Features(r);
            String[] theirs = {f.familyReading, f.familyName, f.givenReading, f.givenName};
            for (int kind = 0; kind < keys.length; kind++) {
                if (!keys[kind].isEmpty() && keys[kind].equals(theirs[kind])) {
                    counts[kind].merge(keys[kind], 1, Integer::sum);
                }
            }
        }
        int[] totals = {population, population, population, population};
        return new NameFrequencies(counts, totals, true);
    }

    /**
     * Counts the names of many probes at once (a bulk registration) over the population read once, record by record
     * ({@link Counter#add}), without holding it: only the names the probes carry are counted, so a pair agreeing on any
     * other name is not adjusted, as with {@link #forProbe}.
     */
    public static Counter counter(Collection<LinkRecord> probes) {
        return new Counter(probes.stream().map(Features::new).toList());
    }

    /** As {@link #counter(Collection)}, for the prepared records {@code from} (inclusive) to {@code to}. */
    public static Counter counter(LinkageEngine.Prepared prepared, int from, int to) {
        return new Counter(java.util.Arrays.asList(prepared.features).subList(from, to));
    }

    /** See {@link #counter}. */
    public static final class Counter {

        private final Map<String, Integer>[] counts = emptyCounts();
        private int records;

        private Counter(Collection<Features> probes) {
            for (Features p : probes) {
                String[] keys = {p.familyReading, p.familyName, p.givenReading, p.givenName};
                for (int kind = 0; kind < keys.length; kind++) {
                    if (!keys[kind].isEmpty()) {
                        counts[kind].put(keys[kind], 0);
                    }
                }
            }
        }

        /** One record of the population. */
        public void add(LinkRecord record) {
            add(new Features(record));
        }

        /** One record of the population, prepared ({@link LinkageEngine#prepare}). */
        public void add(LinkageEngine.Prepared prepared, int index) {
            add(prepared.features[index]);
        }

        private void add(Features f) {
            records++;
            String[] theirs = {f.familyReading, f.familyName, f.givenReading, f.givenName};
            for (int kind = 0; kind < theirs.length; kind++) {
                counts[kind].computeIfPresent(theirs[kind], (k, n) -> n + 1);
            }
        }

        /** The frequencies counted so far. */
        public NameFrequencies frequencies() {
            return new NameFrequencies(counts, new int[] {records, records, records, records}, true);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer>[] emptyCounts() {
        Map<String, Integer>[] counts = new Map[4];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new HashMap<>();
        }
        return counts;
    }

    static NameFrequencies of(Features[] records) {
        Map<String, Integer>[] counts = emptyCounts();
        int[] totals = new int[4];
        for (Features f : records) {
            count(counts, totals, FAMILY_READING, f.familyReading);
            count(counts, totals, FAMILY_NAME, f.familyName);
            count(counts, totals, GIVEN_READING, f.givenReading);
            count(counts, totals, GIVEN_NAME, f.givenName);
        }
        return new NameFrequencies(counts, totals, false);
    }

    private static void count(Map<String, Integer>[] counts, int[] totals, int kind, String key) {
        if (!key.isEmpty()) {
            counts[kind].merge(key, 1, Integer::sum);
            totals[kind]++;
        }
    }

    /** The share of records carrying the family name two records agree on, or NaN when not known. */
    double family(Features a, Features b) {
        if (!a.familyReading.isEmpty() && !b.familyReading.isEmpty()) {
            double share = share(FAMILY_READING, a.familyReading, b.familyReading);
            if (!partial || !Double.isNaN(share)) {
                return share;
            }
        }
        return share(FAMILY_NAME, a.familyName, b.familyName);
    }

    /** The share of records carrying the given name two records agree on, or NaN when not known. */
    double given(Features a, Features b) {
        if (!a.givenReading.isEmpty() && !b.givenReading.isEmpty()) {
            double share = share(GIVEN_READING, a.givenReading, b.givenReading);
            if (!partial || !Double.isNaN(share)) {
                return share;
            }
        }
        return share(GIVEN_NAME, a.givenName, b.givenName);
    }

    /** The larger of the two shares (a typo in one record makes a rare spelling: the common one counts). */
    private double share(int kind, String a, String b) {
        if (totals[kind] < MIN_RECORDS || a.isEmpty() || b.isEmpty()) {
            return Double.NaN;
        }
        if (partial && !counts[kind].containsKey(a) && !counts[kind].containsKey(b)) {
            return Double.NaN;
        }
        int count = Math.max(counts[kind].getOrDefault(a, 0), counts[kind].getOrDefault(b, 0));
        return Math.max(2, count) / (double) totals[kind];
    }

    /** log2(u / share) within the bounds: what the agreement weighs more (or less) than the average one. */
    static double adjustment(double u, double share) {
        if (Double.isNaN(share)) {
            return 0;
        }
        double bits = Math.log(u / share) / Math.log(2);
        return Math.max(-MAX_DOWN, Math.min(MAX_UP, bits));
    }
}
