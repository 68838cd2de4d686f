package org.marugoto.people.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Record linkage (名寄せ) in plain Java: normalise, block on several keys, compare field by field in graded levels,
 * weigh the levels by Fellegi–Sunter with m and u estimated by EM, decide with two thresholds, and cluster the
 * suggested pairs without ever putting two records into one cluster that are known to be different people (two
 * members of one current household; dates of birth a generation apart). It only suggests: nothing here merges.
 * See docs/decisions/0029-record-linkage.md.
 */
public final class LinkageEngine {

    static final int FAMILY = 0, GIVEN = 1, NAME = 2, BIRTH = 3, SEX = 4, CONTACT = 5;

    /** The most a shared phone and address may weigh (bits). */
    static final double CONTACT_CAP = 4;

    /** Pattern flag: the pair is ruled out (same household, parent and child). */
    static final int RULED_OUT = 1 << 30;

    private static final int INDEX_BITS = 23;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private static final int[] RADIX = radix();

    private LinkageEngine() {}

    /** The outcome of a batch run. */
    public record Result(
            List<Candidate> candidates, List<List<UUID>> clusters, Model model, long comparedPairs, long millis) {}

    /**
     * Links a whole population: blocking, comparison, EM estimation of the model (starting from {@code start}),
     * decisions and clusters. Returns the pairs to suggest or review and the clusters of two or more records.
     */
    public static Result link(List<LinkRecord> records, Model start) {
        long t0 = System.currentTimeMillis();
        if (records.size() > INDEX_MASK) {
            throw new IllegalArgumentException("too many records for one run: " + records.size());
        }
        Features[] f = records.parallelStream().map(Features::new).toArray(Features[]::new);
        Features.inferReadings(f);
        long[] pairs = Blocking.pairs(f);
        int[] patterns = new int[pairs.length];
        IntStream.range(0, pairs.length)
                .parallel()
                .forEach(p -> patterns[p] = pattern(f[(int) (pairs[p] >>> 32)], f[(int) pairs[p]]));
        Model model = estimate(f, pairs, patterns, start);
        NameFrequencies frequencies = NameFrequencies.of(f);
        double[] patternWeights = patternWeights(model);
        List<Candidate> candidates = new ArrayList<>();
        List<long[]> matches = new ArrayList<>();
        for (int p = 0; p < pairs.length; p++) {
            int pattern = patterns[p];
            if ((pattern & RULED_OUT) != 0) {
                continue;
            }
            Features a = f[(int) (pairs[p] >>> 32)];
            Features b = f[(int) pairs[p]];
            double adjustment = frequencyAdjustment(a, b, pattern, model, frequencies);
            double weight = patternWeights[pattern] + adjustment;
            double probability = model.probability(weight);
            if (probability < model.lower()) {
                continue;
            }
            Decision decision = probability >= model.upper() ? Decision.MATCH : Decision.REVIEW;
            candidates.add(new Candidate(
                    a.record.id(), b.record.id(), weight, probability, decision, reasons(a, b, pattern, adjustment)));
            if (decision == Decision.MATCH) {
                matches.add(new long[] {pairs[p], Double.doubleToLongBits(weight)});
            }
        }
        List<List<UUID>> clusters = Clusters.of(f, matches);
        return new Result(
                apartInClusters(candidates, clusters), clusters, model, pairs.length, System.currentTimeMillis() - t0);
    }

    /**
     * A suggested pair whose two records clustering kept apart (joining them would have put two records known to be
     * different people into one cluster) is contradicted by that evidence: it goes to review, with the reason.
     */
    static List<Candidate> apartInClusters(List<Candidate> candidates, List<List<UUID>> clusters) {
        java.util.Map<UUID, Integer> clusterOf = new java.util.HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (UUID id : clusters.get(i)) {
                clusterOf.put(id, i);
            }
        }
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            Integer ca = clusterOf.get(c.a()), cb = clusterOf.get(c.b());
            if (c.decision() == Decision.MATCH && (ca == null || !ca.equals(cb))) {
                List<Reason> reasons = new ArrayList<>(c.reasons());
                reasons.add(Reason.CLUSTER_CONFLICT);
                out.add(new Candidate(
                        c.a(), c.b(), c.weight(), c.probability(), Decision.REVIEW, List.copyOf(reasons)));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Compares one record with others already selected (by the database's indexes) as possibly the same person, with
     * a model estimated earlier: what registration and saving use. Ruled-out pairs and pairs below the lower threshold
     * are left out; the rest come strongest first.
     */
    public static List<Candidate> compare(LinkRecord probe, Collection<LinkRecord> others, Model model) {
        return compare(probe, others, model, NameFrequencies.none());
    }

    /**
     * As {@link #compare(LinkRecord, Collection, Model)}, with the frequencies of names in the population (a rare
     * name agreeing weighs more than a common one): see {@link NameFrequencies}.
     */
    public static List<Candidate> compare(
            LinkRecord probe, Collection<LinkRecord> others, Model model, NameFrequencies frequencies) {
        return compare(probe, others, model, frequencies, patternWeights(model));
    }

    /**
     * The comparison of many probes with one model and one set of name frequencies (a bulk registration): the weight
     * of every comparison pattern is computed once instead of once per probe (thousands of sums each time).
     */
    public static Comparison comparison(Model model, NameFrequencies frequencies) {
        return new Comparison(model, frequencies, patternWeights(model));
    }

    /**
     * The features of many records computed once (on every core), for comparing each with others of them
     * ({@link Comparison#compare(Prepared, int, int[])}) and counting their names ({@link NameFrequencies.Counter#add(Prepared, int)}):
     * a bulk registration compares every record with a few dozen others.
     */
    public static Prepared prepare(List<LinkRecord> records) {
        return new Prepared(records.parallelStream().map(Features::new).toArray(Features[]::new));
    }

    /** See {@link #prepare}. */
    public static final class Prepared {

        final Features[] features;

        private Prepared(Features[] features) {
            this.features = features;
        }

        public int size() {
            return features.length;
        }
    }

    /** See {@link #comparison}; safe to use from several threads. */
    public static final class Comparison {

        private final Model model;
        private final NameFrequencies frequencies;
        private final double[] weights;

        private Comparison(Model model, NameFrequencies frequencies, double[] weights) {
            this.model = model;
            this.frequencies = frequencies;
            this.weights = weights;
        }

        /** As {@link LinkageEngine#compare(LinkRecord, Collection, Model, NameFrequencies)}. */
        public List<Candidate> compare(LinkRecord probe, Collection<LinkRecord> others) {
            return LinkageEngine.compare(probe, others, model, frequencies, weights);
        }

        /**
         * As {@link #compare(LinkRecord, Collection)} for the prepared record {@code probe} and the prepared records
         * {@code others} (indexes into {@code records}): the same candidates, readings inferred within this group.
         */
        public List<Candidate> compare(Prepared records, int probe, int[] others) {
            Features[] all = new Features[others.length + 1];
            all[0] = records.features[probe].forGroup();
            for (int i = 0; i < others.length; i++) {
                all[i + 1] = records.features[others[i]].forGroup();
            }
            Features.inferReadings(all);
            return scored(all, model, frequencies, weights);
        }
    }

    private static List<Candidate> compare(
            LinkRecord probe,
            Collection<LinkRecord> others,
            Model model,
            NameFrequencies frequencies,
            double[] weights) {
        Features[] all = new Features[others.size() + 1];
        all[0] = new Features(probe);
        int n = 1;
        for (LinkRecord other : others) {
            all[n++] = new Features(other);
        }
        Features.inferReadings(all);
        return scored(all, model, frequencies, weights);
    }

    /** The candidates of the first record with each of the others (readings inferred). */
    private static List<Candidate> scored(Features[] all, Model model, NameFrequencies frequencies, double[] weights) {
        Features a = all[0];
        LinkRecord probe = a.record;
        List<Candidate> out = new ArrayList<>();
        for (int i = 1; i < all.length; i++) {
            Features b = all[i];
            LinkRecord other = b.record;
            if (other.id().equals(probe.id())) {
                continue;
            }
            int pattern = pattern(a, b);
            if ((pattern & RULED_OUT) != 0) {
                continue;
            }
            double adjustment = frequencyAdjustment(a, b, pattern, model, frequencies);
            double weight = weights[pattern] + adjustment;
            double probability = model.probability(weight);
            if (probability >= model.lower()) {
                out.add(new Candidate(
                        probe.id(),
                        other.id(),
                        weight,
                        probability,
                        probability >= model.upper() ? Decision.MATCH : Decision.REVIEW,
                        reasons(a, b, pattern, adjustment)));
            }
        }
        out.sort((x, y) -> Double.compare(y.weight(), x.weight()));
        return out;
    }

    /** Whether the two records are known to be different people (same current household, a generation apart). */
    public static boolean ruledOut(LinkRecord a, LinkRecord b) {
        return ruledOut(new Features(a), new Features(b));
    }

    /**
     * The term-frequency adjustment of a pair (bits): for an exact agreement on the family or the given name, the
     * model's average u is replaced by the share of records carrying that name, log2(u / share), so that a rare name
     * weighs more and a common one less. Nothing for other levels.
     */
    static double frequencyAdjustment(Features a, Features b, int pattern, Model model, NameFrequencies frequencies) {
        double bits = 0;
        if (level(pattern, FAMILY) == 0) {
            bits += NameFrequencies.adjustment(model.u()[FAMILY][0], frequencies.family(a, b));
        }
        if (level(pattern, GIVEN) == 0) {
            bits += NameFrequencies.adjustment(model.u()[GIVEN][0], frequencies.given(a, b));
        }
        return bits;
    }

    // ---- comparison ---------------------------------------------------------------------------------------------

    static int pattern(Features a, Features b) {
        int family = familyLevel(a, b);
        int given = givenLevel(a, b);
        boolean homophone = homophone(a, b, family, given);
        if (family != 0 || given != 0) {
            // a reading that crosses the family/given boundary (きく|やあきら = きくや|あきら)
            String ra = a.fullReading();
            if (!a.familyReading.isEmpty() && !a.givenReading.isEmpty() && ra.equals(b.fullReading())) {
                family = 0;
                given = 0;
            }
        }
        // the same kanji where the readings differ: a typo in a reading, counted as the same reading (not twice)
        if (family >= 2 && family <= 4 && !a.familyName.isEmpty() && a.familyName.equals(b.familyName)) {
            family = 0;
        }
        if (given >= 1 && given <= 2 && !a.givenName.isEmpty() && a.givenName.equals(b.givenName)) {
            given = 0;
        }
        int name = homophone ? HOMOPHONE : nameLevel(a, b, family, given);
        int[] levels = {family, given, name, birthLevel(a, b), sexLevel(a, b), contactLevel(a, b)};
        int pattern = 0;
        for (int i = 0; i < levels.length; i++) {
            pattern += levels[i] * RADIX[i];
        }
        return ruledOut(a, b) ? pattern | RULED_OUT : pattern;
    }

    static int level(int pattern, int field) {
        return ((pattern & ~RULED_OUT) / RADIX[field]) % Model.LEVELS[field];
    }

    static boolean ruledOut(Features a, Features b) {
        Object ha = a.record.household();
        if (ha != null && ha.equals(b.record.household()) && !a.record.id().equals(b.record.id())) {
            return true;
        }
        return generationApart(a, b);
    }

    /** Both dates exact, twelve or more years apart, and not explained by one mistyped digit: parent and child. */
    static boolean generationApart(Features a, Features b) {
        return a.birthDigits != null
                && b.birthDigits != null
                && a.birth != null
                && b.birth != null
                && Math.abs(a.birth.year() - b.birth.year()) >= 12
                && !oneDigitApart(a.birthDigits, b.birthDigits);
    }

    /**
     * 0 same, 1 a former name matches, 2 similar, 3 different and both women, 4 different, 5 missing. Women and men
     * are apart because a family name changes on marriage almost only for women (the wife takes the husband's name in
     * about 95 % of marriages in Japan), so a different family name says less against two women's records.
     */
    private static int familyLevel(Features a, Features b) {
        int different = a.sex == 2 && b.sex == 2 ? 3 : 4;
        if (a.familyReading.isEmpty() || b.familyReading.isEmpty()) {
            if (a.familyName.isEmpty() || b.familyName.isEmpty()) {
                return 5;
            }
            if (a.familyName.equals(b.familyName)) {
                return 0;
            }
            if (formerMatch(a.formerNames, b.familyName) || formerMatch(b.formerNames, a.familyName)) {
                return 1;
            }
            return similar(a.familyName, b.familyName) ? 2 : different;
        }
        if (a.familyReading.equals(b.familyReading)) {
            return 0;
        }
        if (formerMatch(a.formerReadings, b.familyReading)
                || formerMatch(b.formerReadings, a.familyReading)
                || formerMatch(a.formerNames, b.familyName)
                || formerMatch(b.formerNames, a.familyName)) {
            return 1;
        }
        return similar(a.familyReading, b.familyReading) ? 2 : different;
    }

    private static boolean formerMatch(String[] formers, String current) {
        if (current.isEmpty()) {
            return false;
        }
        for (String former : formers) {
            if (former.equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static int givenLevel(Features a, Features b) {
        if (a.givenReading.isEmpty() || b.givenReading.isEmpty()) {
            if (a.givenName.isEmpty() || b.givenName.isEmpty()) {
                return 3;
            }
            return a.givenName.equals(b.givenName) ? 0 : similar(a.givenName, b.givenName) ? 1 : 2;
        }
        if (a.givenReading.equals(b.givenReading)) {
            return 0;
        }
        return similar(a.givenReading, b.givenReading) ? 1 : 2;
    }

    /** Name level: a reading agrees but the names as written differ (洋子 / 陽子 both read ようこ). */
    static final int HOMOPHONE = 3;

    /** The least share of one person's record pairs assumed to write one reading with other kanji. */
    static final double HOMOPHONE_FLOOR = 0.01;

    /**
     * Whether a part of the name is read the same but written with other kanji (after the variants are folded): 洋子 and
     * 陽子 are both ようこ, 斉藤 and 斎藤 both さいとう. Among two people who share a reading that is common; among one
     * person's records it is rare (an unfolded variant, a slip of the kanji conversion). Only where both records carry
     * kanji and the reading agreed as recorded (not through a former name or a crossing boundary).
     */
    static boolean homophone(Features a, Features b, int family, int given) {
        if (a.familyName.isEmpty() || b.familyName.isEmpty()) {
            return false;
        }
        if (family == 0 && !a.familyName.equals(b.familyName)) {
            return true;
        }
        return given == 0 && !a.givenName.isEmpty() && !b.givenName.isEmpty() && !a.givenName.equals(b.givenName);
    }

    /**
     * The names as written, only where the readings disagree (the same kanji say nothing more than the same reading,
     * but 君子 read きひこ against 君子 read きみこ is a typo in a reading): 0 the kanji agree wherever the readings
     * do not, 1 in one of two parts, 2 in none, ({@link #HOMOPHONE} a reading agrees and the kanji do not,) 4 nothing to
     * compare (kana only, or the readings and the kanji agree).
     */
    private static int nameLevel(Features a, Features b, int family, int given) {
        if (a.familyName.isEmpty() || b.familyName.isEmpty()) {
            return 4;
        }
        int parts = 0, same = 0;
        if (family != 0 && family != 1) {
            parts++;
            same += a.familyName.equals(b.familyName) ? 1 : 0;
        }
        if (given != 0 && !a.givenName.isEmpty() && !b.givenName.isEmpty()) {
            parts++;
            same += a.givenName.equals(b.givenName) ? 1 : 0;
        }
        if (parts == 0) {
            return 4;
        }
        return same == parts ? 0 : same > 0 ? 1 : 2;
    }

    private static int birthLevel(Features a, Features b) {
        if (a.birth == null || b.birth == null) {
            return 6;
        }
        if (a.birthDigits != null && b.birthDigits != null) {
            if (a.birthDigits.equals(b.birthDigits)) {
                return 0;
            }
            if (slip(a.birth, b.birth, a.birthDigits, b.birthDigits)) {
                return 1;
            }
            // two digits: a slip in each record, or one slip of two keys (a year of an era converted wrong)
            return digitsApart(a.birthDigits, b.birthDigits) == 2 && Math.abs(a.birth.year() - b.birth.year()) < 12
                    ? 4
                    : 5;
        }
        if (!a.birth.compatibleWith(b.birth)) {
            return 5;
        }
        // an age gives a year give or take two: the same year says more than one within that window
        return a.birth.year() == b.birth.year() ? 2 : 3;
    }

    /** One digit mistyped, month and day swapped, or one day off. */
    static boolean slip(ApproxDate a, ApproxDate b, String da, String db) {
        if (oneDigitApart(da, db)) {
            return true;
        }
        if (a.year() == b.year() && a.month() == b.day() && a.day() == b.month()) {
            return true;
        }
        return a.year() == b.year() && a.month() == b.month() && Math.abs(a.day() - b.day()) == 1;
    }

    static int digitsApart(String a, String b) {
        int differences = 0;
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                differences++;
            }
        }
        return differences;
    }

    static boolean oneDigitApart(String a, String b) {
        int differences = 0;
        for (int i = 0; i < a.length() && differences < 2; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                differences++;
            }
        }
        return differences == 1;
    }

    private static int sexLevel(Features a, Features b) {
        if (a.sex == 0 || b.sex == 0) {
            return 2;
        }
        return a.sex == b.sex ? 0 : 1;
    }

    /**
     * Phone and address together (a household shares both, so they are not independent): phone (same / different /
     * missing) × 3 + address (same / different / missing), 8 nothing to compare. Kept apart because they say different
     * things: one person has a mobile and a home phone, so two phones that differ say less than two addresses that
     * differ (a move), and a phone that differs where one address is missing less than both differing.
     */
    static int contactLevel(Features a, Features b) {
        return equalLevel(a.phone, b.phone) * 3 + equalLevel(a.address, b.address);
    }

    /** Whether the contact level has the phone the same. */
    static boolean phoneSame(int contact) {
        return contact / 3 == 0;
    }

    /** Whether the contact level has the address the same. */
    static boolean addressSame(int contact) {
        return contact % 3 == 0;
    }

    private static int equalLevel(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 2;
        }
        return a.equals(b) ? 0 : 1;
    }

    /** Readings close enough to be a typo: Jaro–Winkler ≥ 0.85, or one edit apart when both are short. */
    static boolean similar(String a, String b) {
        return jaroWinkler(a, b) >= 0.85 || (Math.min(a.length(), b.length()) >= 2 && oneEditApart(a, b));
    }

    static double jaroWinkler(String s, String t) {
        int ls = s.length(), lt = t.length();
        if (ls == 0 || lt == 0) {
            return 0;
        }
        int range = Math.max(0, Math.max(ls, lt) / 2 - 1);
        boolean[] ms = new boolean[ls], mt = new boolean[lt];
        int matches = 0;
        for (int i = 0; i < ls; i++) {
            int from = Math.max(0, i - range), to = Math.min(lt - 1, i + range);
            for (int j = from; j <= to; j++) {
                if (!mt[j] && s.charAt(i) == t.charAt(j)) {
                    ms[i] = mt[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < ls; i++) {
            if (ms[i]) {
                while (!mt[j]) {
                    j++;
                }
                if (s.charAt(i) != t.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / ls + m / lt + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(ls, lt)) && s.charAt(prefix) == t.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    static boolean oneEditApart(String a, String b) {
        int la = a.length(), lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0, j = 0, edits = 0;
        while (i < la && j < lb) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (la > lb) {
                i++;
            } else if (lb > la) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (la - i) + (lb - j) <= 1;
    }

    // ---- reasons ------------------------------------------------------------------------------------------------

    static List<Reason> reasons(Features a, Features b, int pattern, double frequencyAdjustment) {
        List<Reason> reasons = new ArrayList<>();
        int family = level(pattern, FAMILY), given = level(pattern, GIVEN);
        boolean familyDifferent = family == 3 || family == 4;
        if (family == 0 && given == 0) {
            reasons.add(Reason.READING_SAME);
        } else if (family <= 2 && given <= 1 && family != 1) {
            reasons.add(Reason.READING_SIMILAR);
        }
        if (family == 1) {
            reasons.add(Reason.FORMER_NAME);
        } else if (familyDifferent && given == 0) {
            reasons.add(Reason.FAMILY_CHANGED);
        } else if (familyDifferent || given == 2) {
            reasons.add(Reason.READING_DIFFERENT);
        }
        if (a.readingInferred || b.readingInferred) {
            reasons.add(Reason.READING_INFERRED);
        }
        if (frequencyAdjustment >= 1) {
            reasons.add(Reason.NAME_RARE);
        } else if (frequencyAdjustment <= -1) {
            reasons.add(Reason.NAME_COMMON);
        }
        if (a.familyName.isEmpty() || b.familyName.isEmpty()) {
            reasons.add(Reason.NAME_KANA_ONLY);
        } else if (a.familyName.equals(b.familyName) && a.givenName.equals(b.givenName)) {
            boolean asTyped = Objects.equals(a.record.familyName(), b.record.familyName())
                    && Objects.equals(a.record.givenName(), b.record.givenName());
            reasons.add(asTyped ? Reason.NAME_SAME : Reason.NAME_VARIANT);
        }
        reasons.add(
                switch (level(pattern, BIRTH)) {
                    case 0 -> Reason.BIRTH_SAME;
                    case 1 -> Reason.BIRTH_SLIP;
                    case 2, 3 -> Reason.BIRTH_APPROXIMATE;
                    case 4 -> Reason.BIRTH_TWO_DIGITS;
                    case 5 -> Reason.BIRTH_DIFFERENT;
                    default -> Reason.BIRTH_MISSING;
                });
        if (level(pattern, SEX) == 1) {
            reasons.add(Reason.SEX_DIFFERENT);
        }
        int contact = level(pattern, CONTACT);
        if (phoneSame(contact) && !a.phone.isEmpty() && a.phone.equals(b.phone)) {
            reasons.add(Reason.PHONE_SAME);
        }
        if (addressSame(contact) && !a.address.isEmpty() && a.address.equals(b.address)) {
            reasons.add(Reason.ADDRESS_SAME);
        }
        if (level(pattern, NAME) == HOMOPHONE) {
            reasons.add(Reason.NAME_HOMOPHONE);
        }
        return List.copyOf(reasons);
    }

    // ---- estimation ---------------------------------------------------------------------------------------------

    /**
     * Estimates the model from the data, without labels, in the way of Splink: u (how often two different people
     * agree by chance) from random pairs of records; m (how often one person's records agree) by EM with u held, in
     * two passes over compared pairs that agree on what the pass holds fixed: pairs with the same exact date of birth
     * give m of the name fields, pairs with the same reading give m of date, sex and contact (phone and address). A field is never
     * estimated from pairs selected by it, and two different people who share a household or a name cannot pose as
     * the "match" class (which a plain two-class EM over all compared pairs learns instead). λ last, by EM with m and
     * u held.
     */
    static Model estimate(Features[] f, long[] pairs, int[] patterns, Model start) {
        double[][] u = randomU(f, 400_000);
        double[][] m = deepCopy(start.m());
        int fields = Model.LEVELS.length;
        boolean[] byBirth = new boolean[fields];
        byBirth[BIRTH] = true;
        // Each pass over pairs selected by its key alone (as Splink's EM blocking rules), not over the compared
        // pairs: those were selected by blocking keys that contain names and dates, so that two different people
        // with one date of birth were compared only when they also shared a name, and m of "another family name"
        // would learn the coincidences of given name and date as marriages.
        int[] sameBirth =
                samplePatterns(f, Blocking.sample(f, 'B', x -> x.birthDigits == null ? "" : x.birthDigits, 12));
        long[] sameReadingPairs = Blocking.sample(
                f, 'R', x -> x.familyReading.isEmpty() || x.givenReading.isEmpty() ? "" : x.fullReading(), 12);
        int[] sameReading = samplePatterns(f, sameReadingPairs);
        double[][] pass1 = em(sameBirth.length > 0 ? sameBirth : patterns, p -> level(p, BIRTH) == 0, m, u, byBirth);
        boolean[] byReading = new boolean[fields];
        byReading[FAMILY] = byReading[GIVEN] = byReading[NAME] = true;
        double[][] pass2 = em(
                sameReading.length > 0 ? sameReading : patterns,
                p -> level(p, FAMILY) == 0 && level(p, GIVEN) == 0,
                m,
                u,
                byReading);
        for (int field : new int[] {FAMILY, GIVEN, NAME}) {
            m[field] = pass1[field];
        }
        for (int field : new int[] {BIRTH, SEX, CONTACT}) {
            m[field] = pass2[field];
        }
        // Phone and address: two different people who share them are not rare at random but the rule within a
        // household, and households are what the contact keys bring together. Agreement on them is capped at
        // CONTACT_CAP bits, so that it can lift a pair to review but never make a pair on its own.
        for (int level = 0; level < Model.LEVELS[CONTACT] - 1; level++) {
            if (phoneSame(level) || addressSame(level)) {
                u[CONTACT][level] = Math.max(u[CONTACT][level], m[CONTACT][level] / Math.pow(2, CONTACT_CAP));
            }
        }
        homophoneWeights(f, sameReadingPairs, m, u);
        // λ: the prior probability that two records, any two, are one person. The pairs not compared count as
        // different people; the expected number of one-person pairs M among the compared ones is found by EM with m
        // and u held (M = Σ posterior), and λ = M / all pairs. The more records, the smaller λ, so the same
        // agreement (a common given name and a date of birth) counts for less in a city than in a village.
        double[] weights = patternWeights(new Model(m, u, 0.5, start.upper(), start.lower()));
        double allPairs = Math.max(1, (double) f.length * (f.length - 1) / 2);
        double lambda = Math.min(0.5, Math.max(1e-12, f.length / allPairs));
        for (int iteration = 0; iteration < 30; iteration++) {
            double expected = 0;
            double priorOdds = lambda / (1 - lambda);
            for (int p : patterns) {
                if ((p & RULED_OUT) == 0) {
                    double odds = priorOdds * Math.pow(2, weights[p]);
                    expected += odds / (1 + odds);
                }
            }
            lambda = Math.min(0.5, Math.max(1e-12, expected / allPairs));
        }
        return new Model(m, u, lambda, start.upper(), start.lower());
    }

    /**
     * The weight of {@link #HOMOPHONE}, which is conditional on the readings agreeing (whose weight the reading levels
     * already carry): among pairs that share the full reading, how often the kanji differ when both are born on one day
     * (one person, nearly always) against when both exact dates differ by more than a slip (two people). Records
     * whose reading was inferred from their kanji are left out (their reading agrees because the kanji do). m and u
     * of the level are set so that their ratio is that of the two shares (add-a-half smoothing); the vectors are not
     * renormalised, the level being rare.
     */
    static void homophoneWeights(Features[] f, long[] sameReadingPairs, double[][] m, double[][] u) {
        long[] counts = new long[4]; // one person: pairs, differing; two people: pairs, differing
        for (long pair : sameReadingPairs) {
            Features a = f[(int) (pair >>> 32)], b = f[(int) pair];
            if (a.readingInferred
                    || b.readingInferred
                    || a.familyName.isEmpty()
                    || b.familyName.isEmpty()
                    || a.givenName.isEmpty()
                    || b.givenName.isEmpty()
                    || a.birthDigits == null
                    || b.birthDigits == null
                    || a.birth == null
                    || b.birth == null
                    || ruledOut(a, b)) {
                continue;
            }
            int group;
            if (a.birthDigits.equals(b.birthDigits)) {
                group = 0;
            } else if (!slip(a.birth, b.birth, a.birthDigits, b.birthDigits)) {
                group = 2;
            } else {
                continue;
            }
            counts[group]++;
            if (!a.familyName.equals(b.familyName) || !a.givenName.equals(b.givenName)) {
                counts[group + 1]++;
            }
        }
        // one person's records written otherwise: at least 1 % (a kanji conversion slip, ようこ typed and converted to
        // 洋子 for 陽子, or a variant the table does not fold), so that one differing kanji is evidence, not a verdict
        double one = Math.max(HOMOPHONE_FLOOR, (counts[1] + 0.5) / (counts[0] + 1));
        double two = (counts[3] + 0.5) / (counts[2] + 1);
        double base = Math.max(u[NAME][HOMOPHONE], 1e-4);
        u[NAME][HOMOPHONE] = base;
        m[NAME][HOMOPHONE] = base * one / two;
    }

    private static int[] samplePatterns(Features[] f, long[] pairs) {
        int[] out = new int[pairs.length];
        IntStream.range(0, pairs.length)
                .parallel()
                .forEach(p -> out[p] = pattern(f[(int) (pairs[p] >>> 32)], f[(int) pairs[p]]));
        return out;
    }

    /** Level frequencies among random pairs of records: the u probabilities. */
    static double[][] randomU(Features[] f, int samples) {
        int fields = Model.LEVELS.length;
        double[][] u = new double[fields][];
        for (int i = 0; i < fields; i++) {
            u[i] = new double[Model.LEVELS[i]];
            Arrays.fill(u[i], 0.5);
        }
        if (f.length >= 2) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(18);
            for (int s = 0; s < samples; s++) {
                int a = random.nextInt(f.length), b = random.nextInt(f.length);
                if (a == b) {
                    continue;
                }
                int p = pattern(f[a], f[b]) & ~RULED_OUT;
                for (int field = 0; field < fields; field++) {
                    u[field][level(p, field)]++;
                }
            }
        }
        for (double[] levels : u) {
            normalise(levels);
        }
        return u;
    }

    /**
     * EM over the selected patterns for m (u held), ignoring the fixed fields and the missing levels (which say
     * nothing either way). Returns the m of every field; missing levels keep the share u gives them.
     */
    private static double[][] em(
            int[] patterns, java.util.function.IntPredicate selected, double[][] m0, double[][] u, boolean[] fixed) {
        int size = RADIX[RADIX.length - 1] * Model.LEVELS[Model.LEVELS.length - 1];
        long[] counts = new long[size];
        for (int p : patterns) {
            if ((p & RULED_OUT) == 0 && selected.test(p)) {
                counts[p]++;
            }
        }
        int fields = Model.LEVELS.length;
        double[][] m = deepCopy(m0);
        double lambda = 0.5;
        for (int iteration = 0; iteration < 30; iteration++) {
            double[][] next = new double[fields][];
            for (int f = 0; f < fields; f++) {
                next[f] = new double[Model.LEVELS[f]];
            }
            double matched = 0, total = 0;
            for (int p = 0; p < size; p++) {
                if (counts[p] == 0) {
                    continue;
                }
                double pm = lambda, pu = 1 - lambda;
                for (int f = 0; f < fields; f++) {
                    int l = level(p, f);
                    if (!fixed[f] && l < Model.LEVELS[f] - 1) {
                        pm *= m[f][l];
                        pu *= u[f][l];
                    }
                }
                double g = pm / (pm + pu) * counts[p];
                matched += g;
                total += counts[p];
                for (int f = 0; f < fields; f++) {
                    next[f][level(p, f)] += g;
                }
            }
            if (total == 0 || matched == 0) {
                return m0;
            }
            for (int f = 0; f < fields; f++) {
                if (fixed[f]) {
                    next[f] = m0[f].clone();
                    continue;
                }
                int missing = Model.LEVELS[f] - 1;
                next[f][missing] = 0;
                normalise(next[f]);
                // the missing level as often as among random pairs, the rest scaled to fill the remainder
                double keep = 1 - u[f][missing];
                for (int l = 0; l < missing; l++) {
                    next[f][l] = Math.max(1e-5, next[f][l] * keep);
                }
                next[f][missing] = u[f][missing];
            }
            m = next;
            lambda = Math.min(0.999, Math.max(0.001, matched / total));
        }
        return m;
    }

    private static void normalise(double[] levels) {
        double sum = 0;
        for (double v : levels) {
            sum += v;
        }
        for (int i = 0; i < levels.length; i++) {
            levels[i] = Math.max(1e-5, sum == 0 ? 1.0 / levels.length : levels[i] / sum);
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = Arrays.copyOf(a[i], a[i].length);
        }
        return copy;
    }

    static double[] patternWeights(Model model) {
        double[][] w = model.weights();
        int size = RADIX[RADIX.length - 1] * Model.LEVELS[Model.LEVELS.length - 1];
        double[] out = new double[size];
        for (int p = 0; p < size; p++) {
            double sum = 0;
            for (int f = 0; f < Model.LEVELS.length; f++) {
                sum += w[f][level(p, f)];
            }
            out[p] = sum;
        }
        return out;
    }

    private static int[] radix() {
        int[] radix = new int[Model.LEVELS.length];
        int r = 1;
        for (int i = 0; i < radix.length; i++) {
            radix[i] = r;
            r *= Model.LEVELS[i];
        }
        return radix;
    }

    static long pack(long hash, int index) {
        return (hash & ~INDEX_MASK) | index;
    }

    static int index(long entry) {
        return (int) (entry & INDEX_MASK);
    }
}
