package org.painlab.stats.internal.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact p-value of an r x c contingency table (Fisher-Freeman-Halton): the total probability,
 * under independence with both margins fixed, of all tables no more probable than the observed
 * one (with R's relative fuzz of 1e-7). Uses the network idea of Mehta and Patel: columns are
 * filled one at a time; a node is the multiset of remaining row totals; paths that reach the same
 * node with the same past probability are merged, and a node is settled at once when even its
 * most (least) probable completion falls below (above) the observed probability, because the
 * total probability of all completions of a node has a closed form. When two columns are left,
 * the sorted list of all completion probabilities of the node answers every incoming path by a
 * binary search instead of a walk over the completions.
 */
public final class FisherFreemanHalton {

    /** Relative fuzz for "no more probable than observed", as in R's fisher.test. */
    private static final double REL_ERR = 1e-7;
    /** Past log-probabilities closer than this are merged; far below any meaningful difference. */
    private static final double MERGE_GRID = 1e-11;
    /**
     * Guards against tables whose network would take minutes: column fillings enumerated (a
     * 4 x 5 table with N = 200 needs about 3 s) and edges walked from merged paths. Beyond them
     * the asymptotic tests are accurate anyway.
     */
    private static final long MAX_FILLINGS = 60_000_000L;
    private static final long MAX_WALKED = 200_000_000L;

    private final int[] colTotals;
    private final int[] observedRows;
    private final int[][] observed;
    private final double[] logFact;
    private final Map<Node, List<Edge>> edges = new HashMap<>();
    private final Map<Node, double[]> bounds = new HashMap<>();
    private final Map<Node, Spectrum> spectra = new HashMap<>();
    private long fillings;
    private long walked;

    private FisherFreemanHalton(int[][] table) {
        this.observed = table;
        int rows = table.length;
        int cols = table[0].length;
        this.colTotals = new int[cols];
        this.observedRows = new int[rows];
        int n = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                observedRows[i] += table[i][j];
                colTotals[j] += table[i][j];
                n += table[i][j];
            }
        }
        this.logFact = new double[n + 1];
        for (int i = 2; i <= n; i++) {
            logFact[i] = logFact[i - 1] + Math.log(i);
        }
    }

    /**
     * @param counts table of counts (rows x columns)
     * @return the exact two-sided p-value
     * @throws IllegalArgumentException if the table is too large for exact enumeration
     */
    public static double pValue(long[][] counts) {
        int[][] table = sortColumns(orient(dropEmpty(counts)));
        if (table.length < 2 || table[0].length < 2) {
            return 1.0;
        }
        return new FisherFreemanHalton(table).compute();
    }

    private double compute() {
        int stages = colTotals.length;
        double constant = constant();
        double observedLog = constant;
        for (int j = 0; j < stages; j++) {
            int[] column = new int[observed.length];
            for (int i = 0; i < observed.length; i++) {
                column[i] = observed[i][j];
            }
            observedLog += columnTerm(column);
        }
        double threshold = observedLog + Math.log1p(REL_ERR);

        double p = 0;
        Map<Node, Map<Long, double[]>> current = new HashMap<>();
        addPath(current, new Node(0, sorted(observedRows)), 0.0, 1.0);
        for (int stage = 0; stage < stages && !current.isEmpty(); stage++) {
            Map<Node, Map<Long, double[]>> next = new HashMap<>();
            for (Map.Entry<Node, Map<Long, double[]>> entry : current.entrySet()) {
                Node node = entry.getKey();
                double[] b = bounds(node);
                double total = logTotal(node);
                for (double[] path : entry.getValue().values()) {
                    double past = constant + path[0];
                    if (past + b[0] <= threshold) {
                        p += path[1] * Math.exp(past + total);
                    } else if (past + b[1] > threshold) {
                        continue;
                    } else if (stage == stages - 2) {
                        Spectrum sp = spectrum(node);
                        p += path[1] * Math.exp(past + sp.max()) * sp.scaledSumUpTo(threshold - past);
                    } else {
                        List<Edge> out = edges(node);
                        walked += out.size();
                        checkWork();
                        for (Edge e : out) {
                            addPath(next, e.child, path[0] + e.term, path[1] * e.count);
                        }
                    }
                }
            }
            current = next;
        }
        return Math.max(0, Math.min(1, p));
    }

    /** log of (prod R_i! prod C_j! / N!), the factor common to all tables. */
    private double constant() {
        double c = -logFact[logFact.length - 1];
        for (int r : observedRows) {
            c += logFact[r];
        }
        for (int t : colTotals) {
            c += logFact[t];
        }
        return c;
    }

    private double columnTerm(int[] column) {
        double t = 0;
        for (int v : column) {
            t -= logFact[v];
        }
        return t;
    }

    /** log of the sum over all completions of a node: N'! / (prod r_i! prod remaining C_j!). */
    private double logTotal(Node node) {
        int remaining = 0;
        double t = 0;
        for (int r : node.rows) {
            remaining += r;
            t -= logFact[r];
        }
        for (int j = node.stage; j < colTotals.length; j++) {
            t -= logFact[colTotals[j]];
        }
        return t + logFact[remaining];
    }

    /**
     * {max, min} over completions of the sum of column terms (longest and shortest path). Only
     * the two numbers are kept per node; the fillings are regenerated rather than stored, because
     * the whole network rarely fits in memory while its nodes do.
     */
    private double[] bounds(Node node) {
        double[] cached = bounds.get(node);
        if (cached != null) {
            return cached;
        }
        double[] result;
        if (node.stage == colTotals.length - 1) {
            double t = columnTerm(node.rows);
            result = new double[] {t, t};
        } else {
            double[] acc = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
            forEachFilling(node, (child, term) -> {
                double[] b = bounds(child);
                acc[0] = Math.max(acc[0], term + b[0]);
                acc[1] = Math.min(acc[1], term + b[1]);
            });
            result = acc;
        }
        bounds.put(node, result);
        return result;
    }

    /** Sorted completion terms of a node with two columns left, for threshold look-ups. */
    private Spectrum spectrum(Node node) {
        return spectra.computeIfAbsent(node, n -> {
            List<Double> futures = new ArrayList<>();
            forEachFilling(n, (child, term) -> futures.add(term + columnTerm(child.rows)));
            double[] f = new double[futures.size()];
            for (int k = 0; k < f.length; k++) {
                f[k] = futures.get(k);
            }
            return Spectrum.of(f);
        });
    }

    /**
     * Ways to fill the node's column, grouped by resulting node and term: rows with equal
     * remaining totals are interchangeable, so many fillings lead to the same place. Kept only
     * for nodes the walk actually expands.
     */
    private List<Edge> edges(Node node) {
        List<Edge> cached = edges.get(node);
        if (cached != null) {
            return cached;
        }
        Map<Node, Map<Long, Edge>> grouped = new HashMap<>();
        forEachFilling(node, (child, term) -> grouped.computeIfAbsent(child, c -> new HashMap<>())
                .merge(Math.round(term / MERGE_GRID), new Edge(child, term, 1),
                        (a, b) -> new Edge(a.child, a.term, a.count + b.count)));
        List<Edge> out = new ArrayList<>();
        for (Map<Long, Edge> byTerm : grouped.values()) {
            out.addAll(byTerm.values());
        }
        edges.put(node, out);
        return out;
    }

    /** Calls back with (resulting node, column term) for every way to fill the node's column. */
    private void forEachFilling(Node node, FillingConsumer consumer) {
        int[] capacity = node.rows;
        int[] suffix = new int[capacity.length + 1];
        for (int i = capacity.length - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + capacity[i];
        }
        fill(node, suffix, 0, colTotals[node.stage], new int[capacity.length], consumer);
    }

    private void fill(Node node, int[] suffix, int i, int left, int[] current, FillingConsumer consumer) {
        int[] capacity = node.rows;
        if (i == capacity.length - 1) {
            current[i] = left;
            int[] rest = new int[capacity.length];
            for (int k = 0; k < rest.length; k++) {
                rest[k] = capacity[k] - current[k];
            }
            // counted as they are made, so a hopeless table fails fast instead of running for hours
            fillings++;
            checkWork();
            consumer.accept(new Node(node.stage + 1, sorted(rest)), columnTerm(current));
            return;
        }
        int from = Math.max(0, left - suffix[i + 1]);
        int to = Math.min(capacity[i], left);
        for (int v = from; v <= to; v++) {
            current[i] = v;
            fill(node, suffix, i + 1, left - v, current, consumer);
        }
    }

    private void checkWork() {
        if (fillings > MAX_FILLINGS || walked > MAX_WALKED) {
            throw new IllegalArgumentException("table too large for Fisher's exact test; use the chi-square or G"
                    + " test instead");
        }
    }

    private static void addPath(Map<Node, Map<Long, double[]>> level, Node node, double past, double weight) {
        long key = Math.round(past / MERGE_GRID);
        level.computeIfAbsent(node, k -> new HashMap<>()).merge(key, new double[] {past, weight},
                (a, b) -> new double[] {a[0], a[1] + b[1]});
    }

    private static int[] sorted(int[] rows) {
        int[] copy = rows.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static int[][] dropEmpty(long[][] counts) {
        int rows = counts.length;
        int cols = counts[0].length;
        long[] rowSum = new long[rows];
        long[] colSum = new long[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                rowSum[i] += counts[i][j];
                colSum[j] += counts[i][j];
            }
        }
        int keptCols = (int) Arrays.stream(colSum).filter(s -> s > 0).count();
        List<int[]> kept = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            if (rowSum[i] == 0) {
                continue;
            }
            int[] row = new int[keptCols];
            int k = 0;
            for (int j = 0; j < cols; j++) {
                if (colSum[j] > 0) {
                    row[k++] = Math.toIntExact(counts[i][j]);
                }
            }
            kept.add(row);
        }
        return kept.toArray(new int[0][]);
    }

    /** Rows become the shorter dimension: the node key is then short and nodes are few. */
    private static int[][] orient(int[][] table) {
        if (table.length == 0 || table.length <= table[0].length) {
            return table;
        }
        int[][] t = new int[table[0].length][table.length];
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[0].length; j++) {
                t[j][i] = table[i][j];
            }
        }
        return t;
    }

    /**
     * Smallest columns first: the early stages then branch least, and the two largest columns
     * fall to the completion spectra, which handle them cheaply.
     */
    private static int[][] sortColumns(int[][] table) {
        if (table.length == 0) {
            return table;
        }
        int cols = table[0].length;
        Integer[] order = new Integer[cols];
        int[] totals = new int[cols];
        for (int j = 0; j < cols; j++) {
            order[j] = j;
            for (int[] row : table) {
                totals[j] += row[j];
            }
        }
        Arrays.sort(order, (a, b) -> Integer.compare(totals[a], totals[b]));
        int[][] out = new int[table.length][cols];
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = table[i][order[j]];
            }
        }
        return out;
    }

    /** A node of the network: the stage (next column) and the sorted remaining row totals. */
    private static final class Node {
        private final int stage;
        private final int[] rows;
        private final int hash;

        Node(int stage, int[] rows) {
            this.stage = stage;
            this.rows = rows;
            this.hash = 31 * stage + Arrays.hashCode(rows);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Node other && other.stage == stage && Arrays.equals(other.rows, rows);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    @FunctionalInterface
    private interface FillingConsumer {
        void accept(Node child, double term);
    }

    /** count fillings of a column lead from a node to child, each adding term to the log path. */
    private record Edge(Node child, double term, int count) {
    }

    /** Completion log-terms in ascending order with cumulative sums of their (scaled) weights. */
    private record Spectrum(double[] futures, double[] cumulative, double max) {

        static Spectrum of(double[] futures) {
            Integer[] order = new Integer[futures.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Double.compare(futures[a], futures[b]));
            double max = futures.length == 0 ? 0 : futures[order[order.length - 1]];
            double[] sortedFutures = new double[futures.length];
            double[] cumulative = new double[futures.length];
            double sum = 0;
            for (int k = 0; k < order.length; k++) {
                sortedFutures[k] = futures[order[k]];
                sum += Math.exp(sortedFutures[k] - max);
                cumulative[k] = sum;
            }
            return new Spectrum(sortedFutures, cumulative, max);
        }

        /** Sum of exp(future - max) over completions with future &lt;= limit (scaled against overflow). */
        double scaledSumUpTo(double limit) {
            int lo = 0;
            int hi = futures.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (futures[mid] <= limit) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? 0 : cumulative[lo - 1];
        }
    }
}
