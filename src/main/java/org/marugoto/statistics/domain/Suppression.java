package org.marugoto.statistics.domain;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Small-cell suppression for a published table with its totals: the primary suppression hides every count of 1 to 4
 * (a total too), and the complementary suppression hides further counts until no hidden count can be worked out from
 * the published ones.
 *
 * <p>The table is seen with its margins as an (R+1)×(C+1) grid (row R holds the column totals, column C the row
 * totals, [R][C] the grand total). Giving the totals a minus sign, every line of the grid sums to zero, so the hidden
 * counts form a bipartite graph (a vertex per line, an edge per hidden count) and the published counts fix exactly the
 * sums around every vertex. A hidden count can then be worked out if and only if its edge is a <em>bridge</em> (lies on
 * no cycle of hidden counts): the null space of the line sums is the cycle space. Every hidden count here is at least
 * 1 (zeros are never hidden: a zero is not a small count, and choosing one as a complement is never needed), so moving
 * +1/−1 around a cycle gives another table of non-negative whole numbers with the same published figures: each hidden
 * count on a cycle has at least two possible values, and cannot be recomputed.
 *
 * <p>The complementary suppression therefore closes every bridge with the cheapest path of published non-zero counts
 * between its two lines (the sum of the counts it hides, totals weighted heavily so that inner counts are hidden
 * first). A path always exists: through the row's total, the grand total and the column's total.
 */
public final class Suppression {

    /** Counts from 1 to this are hidden (the primary suppression). */
    public static final int MAX_SMALL = StatisticsService.SMALL - 1;

    /** How much more hiding a total costs than hiding an inner count of the same size. */
    private static final long MARGIN_WEIGHT = 1_000;

    private Suppression() {}

    /**
     * A table with its totals and what is hidden: {@code values[r][c]} for the counts, {@code values[r][cols]} the row
     * totals, {@code values[rows][c]} the column totals, {@code values[rows][cols]} the grand total.
     */
    public record Table(long[][] values, boolean[][] hidden) {

        public int rows() {
            return values.length - 1;
        }

        public int columns() {
            return values[0].length - 1;
        }

        /** The figure to publish, or null when it is hidden. */
        public @Nullable Long published(int r, int c) {
            return hidden[r][c] ? null : values[r][c];
        }
    }

    /** The table with its totals, small counts hidden and the complementary counts hidden as well. */
    public static Table suppress(long[][] cells) {
        int rows = cells.length;
        int cols = rows == 0 ? 0 : cells[0].length;
        long[][] v = new long[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            if (cells[r].length != cols) {
                throw new IllegalArgumentException("ragged table");
            }
            for (int c = 0; c < cols; c++) {
                if (cells[r][c] < 0) {
                    throw new IllegalArgumentException("negative count");
                }
                v[r][c] = cells[r][c];
                v[r][cols] += cells[r][c];
                v[rows][c] += cells[r][c];
                v[rows][cols] += cells[r][c];
            }
        }
        boolean[][] hidden = new boolean[rows + 1][cols + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                hidden[r][c] = v[r][c] >= 1 && v[r][c] <= MAX_SMALL;
            }
        }
        int @Nullable [] bridge;
        while ((bridge = findBridge(hidden)) != null) {
            closeCycle(v, hidden, bridge[0], bridge[1]);
        }
        return new Table(v, hidden);
    }

    /** A hidden count on no cycle of hidden counts ({r, c}), or null when there is none. */
    static int @Nullable [] findBridge(boolean[][] hidden) {
        for (int r = 0; r < hidden.length; r++) {
            for (int c = 0; c < hidden[r].length; c++) {
                if (hidden[r][c] && !connectedWithout(hidden, r, c)) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    /** Whether row vertex r reaches column vertex c through hidden counts other than [r][c]. */
    private static boolean connectedWithout(boolean[][] hidden, int r0, int c0) {
        int rows = hidden.length;
        int cols = hidden[0].length;
        boolean[] seen = new boolean[rows + cols];
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(r0);
        seen[r0] = true;
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (v < rows) {
                for (int c = 0; c < cols; c++) {
                    if (hidden[v][c] && !(v == r0 && c == c0) && !seen[rows + c]) {
                        if (c == c0) {
                            return true;
                        }
                        seen[rows + c] = true;
                        queue.add(rows + c);
                    }
                }
            } else {
                int c = v - rows;
                for (int r = 0; r < rows; r++) {
                    if (hidden[r][c] && !(r == r0 && c == c0) && !seen[r]) {
                        seen[r] = true;
                        queue.add(r);
                    }
                }
            }
        }
        return false;
    }

    /**
     * Hides the published non-zero counts on the cheapest path from row vertex r0 to column vertex c0 that does not use
     * [r0][c0] (Dijkstra; hidden counts cost nothing, zeros cannot be used), so that [r0][c0] lies on a cycle.
     */
    private static void closeCycle(long[][] v, boolean[][] hidden, int r0, int c0) {
        int rows = v.length;
        int cols = v[0].length;
        int n = rows + cols;
        long[] dist = new long[n];
        int[] prevR = new int[n];
        int[] prevC = new int[n];
        Arrays.fill(dist, Long.MAX_VALUE);
        dist[r0] = 0;
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        queue.add(new long[] {0, r0});
        while (!queue.isEmpty()) {
            long[] head = queue.poll();
            int u = (int) head[1];
            if (head[0] > dist[u]) {
                continue;
            }
            if (u == rows + c0) {
                break;
            }
            for (int w = 0; w < (u < rows ? cols : rows); w++) {
                int r = u < rows ? u : w;
                int c = u < rows ? w : u - rows;
                if ((r == r0 && c == c0) || v[r][c] == 0) {
                    continue;
                }
                long cost = hidden[r][c] ? 0 : (r == rows - 1 || c == cols - 1) ? v[r][c] * MARGIN_WEIGHT : v[r][c];
                int to = u < rows ? rows + c : r;
                if (dist[u] + cost < dist[to]) {
                    dist[to] = dist[u] + cost;
                    prevR[to] = r;
                    prevC[to] = c;
                    queue.add(new long[] {dist[to], to});
                }
            }
        }
        int at = rows + c0;
        if (dist[at] == Long.MAX_VALUE) {
            throw new IllegalStateException("no path to close the cycle");
        }
        while (at != r0) {
            int r = prevR[at];
            int c = prevC[at];
            hidden[r][c] = true;
            at = at >= rows ? r : rows + c;
        }
    }
}
