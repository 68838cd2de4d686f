package org.marugoto.people.linkage;

import java.util.Arrays;

/**
 * The Fellegi–Sunter model: for each compared field and each level of agreement, the probability of that level among
 * pairs of one person (m) and among pairs of different persons (u), and the share of pairs of one person among the
 * compared pairs (λ). The weight of a level is log2(m/u); the last level of each field ("missing") weighs nothing.
 * Estimated from the data by {@link LinkageEngine#estimate}; {@link #defaults()} serves until a batch run has
 * estimated one.
 */
public record Model(double[][] m, double[][] u, double lambda, double upper, double lower) {

    /** Field names, in pattern order. */
    public static final String[] FIELDS = {"family", "given", "name", "birth", "sex", "contact"};

    /** Levels per field; the last level of each field is "missing / not comparable". */
    public static final int[] LEVELS = {6, 4, 5, 7, 3, 9};

    /** Probability (posterior) from which a pair is suggested as one person. */
    public static final double UPPER = 0.5;

    /** Probability from which a pair goes to review. */
    public static final double LOWER = 0.05;

    /**
     * The model estimated on the seeded synthetic population of bench/linkage.sh (20,000 persons), with λ for a city
     * of about 50,000 records: what saving and registration use (a batch run estimates its own).
     */
    public static Model defaults() {
        // family, given and sex as estimated before decision 0040; the levels 0040 added (a homophone, dates two
        // digits apart, phone and address apart) from the run of bench/linkage.sh at 20,000 persons, seed 18
        double[][] m = {
            {0.934, 0.021, 0.009, 0.031, 0.004, 0.001},
            {0.989, 0.008, 0.003, 0.001},
            {0.0, 0.0, 0.847, 0.0000856, 0.153},
            {0.826, 0.062, 0.033, 0.034, 0.0042, 0.004, 0.039},
            {1.0, 0.00001, 0.0},
            {0.256, 0.0401, 0.0526, 0.0670, 0.0680, 0.0279, 0.300, 0.0976, 0.0916}
        };
        double[][] u = {
            {0.005, 0.00001, 0.010, 0.227, 0.758, 0.001},
            {0.010, 0.017, 0.974, 0.001},
            {0.0, 0.0, 0.847, 0.00117, 0.153},
            {0.000061, 0.001, 0.001, 0.002, 0.0083, 0.948, 0.039},
            {0.502, 0.498, 0.0},
            {0.0160, 0.00251, 0.00329, 0.00418, 0.364, 0.0671, 0.0187, 0.477, 0.0916}
        };
        return new Model(m, u, 1.6e-5, UPPER, LOWER);
    }

    /** log2(m/u) of each level; the missing level weighs 0. */
    public double[][] weights() {
        double[][] w = new double[LEVELS.length][];
        for (int f = 0; f < LEVELS.length; f++) {
            w[f] = new double[LEVELS[f]];
            for (int l = 0; l < LEVELS[f] - 1; l++) {
                w[f][l] = Math.log(Math.max(m[f][l], 1e-6) / Math.max(u[f][l], 1e-6)) / Math.log(2);
            }
        }
        return w;
    }

    /** The posterior probability of one person for a pair of this weight. */
    public double probability(double weight) {
        double odds = lambda / (1 - lambda) * Math.pow(2, weight);
        return odds / (1 + odds);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("lambda=%.4f".formatted(lambda));
        double[][] w = weights();
        for (int f = 0; f < FIELDS.length; f++) {
            s.append("\n  ").append(FIELDS[f]).append(": ");
            for (int l = 0; l < LEVELS[f]; l++) {
                s.append("m=%.3f u=%.3f w=%+.1f  ".formatted(m[f][l], u[f][l], w[f][l]));
            }
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Model other
                && Arrays.deepEquals(m, other.m)
                && Arrays.deepEquals(u, other.u)
                && lambda == other.lambda;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(m) * 31 + Double.hashCode(lambda);
    }
}
