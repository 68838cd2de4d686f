package org.marugoto.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marugoto.statistics.domain.Suppression;

/**
 * Generates many random tables, suppresses them, and proves for each that no hidden count can be worked out from what
 * is published: once by exact linear algebra over the published line sums (a hidden count is fixed exactly when its
 * column of the constraint matrix is independent of the other hidden counts'; since every hidden count is positive, any
 * other solution of the line sums moves it while staying non-negative, so its interval is not a single point), and for
 * small tables once more by enumerating every table of non-negative whole numbers with the same published figures.
 * Neither proof uses the suppression's own reasoning (bridges in a graph).
 */
class SuppressionTests {

    @Test
    void smallCountsAreHiddenAndNoHiddenCountCanBeWorkedOutFromTheLineSums() {
        Random random = new Random(20261206);
        for (int t = 0; t < 3_000; t++) {
            long[][] cells = randomTable(random, 1 + random.nextInt(12), 1 + random.nextInt(7), 60);
            Suppression.Table table = Suppression.suppress(cells);
            checkPrimaryAndPublished(cells, table);
            assertThat(determinedByAlgebra(table)).as("table %d", t).isEmpty();
        }
    }

    @Test
    void smallTablesHaveAtLeastTwoWholeNumberSolutionsForEveryHiddenCount() {
        Random random = new Random(17);
        int withHidden = 0;
        for (int t = 0; t < 1_500; t++) {
            long[][] cells = randomTable(random, 1 + random.nextInt(4), 1 + random.nextInt(4), 14);
            Suppression.Table table = Suppression.suppress(cells);
            checkPrimaryAndPublished(cells, table);
            List<Set<Long>> values = possibleValues(table);
            for (int i = 0; i < values.size(); i++) {
                assertThat(values.get(i)).as("table %d, hidden count %d", t, i).hasSizeGreaterThanOrEqualTo(2);
            }
            if (!values.isEmpty()) {
                withHidden++;
            }
        }
        assertThat(withHidden).isGreaterThan(500);
    }

    @Test
    void aTableWithOneSmallCountHidesAFourCycle() {
        // 3 in [0][0]: its row total and column total would give it away; the cheapest cycle hides 7, 6 and 9 (or
        // similar inner counts), never a zero
        long[][] cells = {{3, 7, 20}, {6, 9, 30}, {40, 50, 60}};
        Suppression.Table table = Suppression.suppress(cells);
        assertThat(table.hidden()[0][0]).isTrue();
        int hidden = 0;
        for (boolean[] row : table.hidden()) {
            for (boolean h : row) {
                hidden += h ? 1 : 0;
            }
        }
        assertThat(hidden).isEqualTo(4);
        assertThat(table.hidden()[0][1] && table.hidden()[1][0] && table.hidden()[1][1])
                .isTrue();
        assertThat(table.hidden()[3][3]).isFalse();
        assertThat(determinedByAlgebra(table)).isEmpty();
    }

    private static long[][] randomTable(Random random, int rows, int cols, int max) {
        long[][] cells = new long[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int kind = random.nextInt(10);
                cells[r][c] = kind < 3 ? 0 : kind < 6 ? 1 + random.nextInt(4) : random.nextInt(max + 1);
            }
        }
        return cells;
    }

    private static void checkPrimaryAndPublished(long[][] cells, Suppression.Table table) {
        long[][] v = table.values();
        int rows = cells.length;
        int cols = cells[0].length;
        long grand = 0;
        for (int r = 0; r < rows; r++) {
            long sum = 0;
            for (int c = 0; c < cols; c++) {
                assertThat(v[r][c]).isEqualTo(cells[r][c]);
                sum += cells[r][c];
            }
            assertThat(v[r][cols]).isEqualTo(sum);
            grand += sum;
        }
        assertThat(v[rows][cols]).isEqualTo(grand);
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                if (v[r][c] >= 1 && v[r][c] <= 4) {
                    assertThat(table.hidden()[r][c])
                            .as("small count [%d][%d]", r, c)
                            .isTrue();
                }
                if (table.hidden()[r][c]) {
                    assertThat(v[r][c]).as("hidden [%d][%d] is positive", r, c).isPositive();
                    assertThat(table.published(r, c)).isNull();
                }
            }
        }
    }

    /** The published line equations over the hidden counts: coefficients (one row per line) and right-hand sides. */
    private record System(List<int[]> hiddenCells, BigInteger[][] a) {}

    private static System system(Suppression.Table table) {
        int rows = table.rows();
        int cols = table.columns();
        List<int[]> hidden = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                if (table.hidden()[r][c]) {
                    hidden.add(new int[] {r, c});
                }
            }
        }
        // lines: row r (r ≤ rows): sum_c<cols x[r][c] − x[r][cols] = 0; column c: sum_r<rows x[r][c] − x[rows][c] = 0
        int lines = rows + 1 + cols + 1;
        BigInteger[][] a = new BigInteger[lines][hidden.size()];
        for (int l = 0; l < lines; l++) {
            for (int j = 0; j < hidden.size(); j++) {
                int r = hidden.get(j)[0];
                int c = hidden.get(j)[1];
                int coefficient;
                if (l <= rows) {
                    coefficient = r != l ? 0 : c == cols ? -1 : 1;
                } else {
                    int col = l - rows - 1;
                    coefficient = c != col ? 0 : r == rows ? -1 : 1;
                }
                a[l][j] = BigInteger.valueOf(coefficient);
            }
        }
        return new System(hidden, a);
    }

    /** The hidden counts that the published figures fix exactly (exact rank over the rationals). */
    private static List<int[]> determinedByAlgebra(Suppression.Table table) {
        System s = system(table);
        int n = s.hiddenCells().size();
        List<int[]> determined = new ArrayList<>();
        int full = rank(s.a(), -1);
        for (int j = 0; j < n; j++) {
            if (rank(s.a(), j) < full) {
                determined.add(s.hiddenCells().get(j));
            }
        }
        return determined;
    }

    /** The rank of the matrix without column {@code skip} (−1: every column), by fraction-free elimination. */
    private static int rank(BigInteger[][] matrix, int skip) {
        int m = matrix.length;
        List<BigInteger[]> rows = new ArrayList<>();
        for (BigInteger[] row : matrix) {
            List<BigInteger> kept = new ArrayList<>();
            for (int j = 0; j < row.length; j++) {
                if (j != skip) {
                    kept.add(row[j]);
                }
            }
            rows.add(kept.toArray(BigInteger[]::new));
        }
        int n = rows.isEmpty() ? 0 : rows.get(0).length;
        int rank = 0;
        for (int col = 0; col < n && rank < m; col++) {
            int pivot = -1;
            for (int r = rank; r < m; r++) {
                if (rows.get(r)[col].signum() != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            BigInteger[] p = rows.get(pivot);
            rows.set(pivot, rows.get(rank));
            rows.set(rank, p);
            for (int r = rank + 1; r < m; r++) {
                BigInteger[] row = rows.get(r);
                BigInteger factor = row[col];
                if (factor.signum() == 0) {
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    row[k] = row[k].multiply(p[col]).subtract(p[k].multiply(factor));
                }
            }
            rank++;
        }
        return rank;
    }

    /**
     * Every value each hidden count takes over all tables of non-negative whole numbers that agree with every published
     * figure and every line sum (enumerated, with counts forced by a line whose other counts are known; values are tried
     * up to the true grand total only, which can only find fewer solutions; stops once each hidden count has been seen
     * with two values).
     */
    private static List<Set<Long>> possibleValues(Suppression.Table table) {
        int rows = table.rows();
        int cols = table.columns();
        List<int[]> hidden = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                if (table.hidden()[r][c]) {
                    hidden.add(new int[] {r, c});
                }
            }
        }
        // each line as the entries on it with their sign (a total counts minus): the signed sum is zero
        List<List<long[]>> lines = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            List<long[]> line = new ArrayList<>();
            for (int c = 0; c <= cols; c++) {
                line.add(new long[] {r, c, c == cols ? -1 : 1});
            }
            lines.add(line);
        }
        for (int c = 0; c <= cols; c++) {
            List<long[]> line = new ArrayList<>();
            for (int r = 0; r <= rows; r++) {
                line.add(new long[] {r, c, r == rows ? -1 : 1});
            }
            lines.add(line);
        }
        Long[][] x = new Long[rows + 1][cols + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                x[r][c] = table.hidden()[r][c] ? null : table.values()[r][c];
            }
        }
        List<Set<Long>> seen = new ArrayList<>();
        hidden.forEach(h -> seen.add(new HashSet<>()));
        search(x, lines, hidden, table.values()[rows][cols], seen);
        return seen;
    }

    /** Fills the unknown counts; true when every hidden count has been seen with two values (stop searching). */
    private static boolean search(
            Long[][] x, List<List<long[]>> lines, List<int[]> hidden, long limit, List<Set<Long>> seen) {
        Long[][] y = new Long[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = x[r].clone();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (List<long[]> line : lines) {
                long sum = 0;
                long[] unknown = null;
                int unknowns = 0;
                for (long[] e : line) {
                    Long value = y[(int) e[0]][(int) e[1]];
                    if (value == null) {
                        unknowns++;
                        unknown = e;
                    } else {
                        sum += e[2] * value;
                    }
                }
                if (unknowns == 0 && sum != 0) {
                    return false;
                }
                if (unknowns == 1) {
                    long forced = -sum * unknown[2];
                    if (forced < 0 || forced > limit) {
                        return false;
                    }
                    y[(int) unknown[0]][(int) unknown[1]] = forced;
                    changed = true;
                }
            }
        }
        for (int[] h : hidden) {
            if (y[h[0]][h[1]] == null) {
                for (long value = 0; value <= limit; value++) {
                    y[h[0]][h[1]] = value;
                    if (search(y, lines, hidden, limit, seen)) {
                        return true;
                    }
                }
                return false;
            }
        }
        for (int j = 0; j < hidden.size(); j++) {
            seen.get(j).add(y[hidden.get(j)[0]][hidden.get(j)[1]]);
        }
        return seen.stream().allMatch(s -> s.size() >= 2);
    }
}
