package org.painlab.stats.internal.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.painlab.core.data.SubjectData;
import org.painlab.core.data.VariableKind;

/**
 * The data of the analysis population cut by arm, one column at a time in a single pass.
 * Subjects outside the population or in arms the plan leaves out are skipped. Columns already
 * split are kept for the rest of the report (summaries and tests read the same columns), so each
 * column is read once, and sorted once: quartiles, Hodges–Lehmann estimates and their pooled tie terms
 * all read the same sorted copy. One instance serves one report; safe for the tables built in parallel.
 */
public final class ArmSplit {

    private final SubjectData data;
    private final List<String> arms;
    private final int[] armOfSubject;
    private final int[] armSizes;
    private final Map<String, List<double[]>> numbers = new ConcurrentHashMap<>();
    private final Map<String, List<double[]>> sorted = new ConcurrentHashMap<>();

    /**
     * @param data the data
     * @param population members of the analysis population
     * @param arms the arms to keep, in table order
     */
    public ArmSplit(SubjectData data, BitSet population, List<String> arms) {
        this.data = data;
        this.arms = List.copyOf(arms);
        this.armOfSubject = new int[data.size()];
        this.armSizes = new int[arms.size()];
        int[] remap = new int[data.arms().size()];
        for (int a = 0; a < remap.length; a++) {
            remap[a] = arms.indexOf(data.arms().get(a));
        }
        for (int i = 0; i < armOfSubject.length; i++) {
            int a = population.get(i) ? remap[data.armOf(i)] : -1;
            armOfSubject[i] = a;
            if (a >= 0) {
                armSizes[a]++;
            }
        }
    }

    /** @return arms in table order */
    public List<String> arms() {
        return arms;
    }

    /** @return subjects of the population per arm */
    public int[] armSizes() {
        return armSizes.clone();
    }

    /**
     * @param variable variable (continuous values, or level codes of a coded one)
     * @param timePoint time point or null
     * @return per arm the non-missing values in subject order; shared, callers must not modify
     */
    public List<double[]> numbers(String variable, String timePoint) {
        return numbers.computeIfAbsent(variable + '\u0000' + timePoint, k -> split(data.asNumbers(variable, timePoint)));
    }

    /**
     * @param variable variable (continuous values, or level codes of a coded one)
     * @param timePoint time point or null
     * @return per arm the values of {@link #numbers} in ascending order; shared, callers must not modify
     */
    public List<double[]> sorted(String variable, String timePoint) {
        List<double[]> byArm = numbers(variable, timePoint);
        return sorted.computeIfAbsent(variable + '\u0000' + timePoint, k -> byArm.stream().map(Tally::sortedCopy)
                .toList());
    }

    private List<double[]> split(double[] column) {
        int k = arms.size();
        int[] n = new int[k];
        for (int i = 0; i < column.length; i++) {
            int a = armOfSubject[i];
            if (a >= 0 && !Double.isNaN(column[i])) {
                n[a]++;
            }
        }
        double[][] out = new double[k][];
        for (int a = 0; a < k; a++) {
            out[a] = new double[n[a]];
        }
        int[] pos = new int[k];
        for (int i = 0; i < column.length; i++) {
            int a = armOfSubject[i];
            if (a >= 0 && !Double.isNaN(column[i])) {
                out[a][pos[a]++] = column[i];
            }
        }
        List<double[]> list = new ArrayList<>(k);
        for (double[] x : out) {
            list.add(x);
        }
        return list;
    }

    /**
     * @param variable coded variable
     * @param timePoint time point or null
     * @param levels number of levels
     * @return counts, arms × levels (empty rows and columns included)
     */
    public long[][] levelCounts(String variable, String timePoint, int levels) {
        long[][] t = new long[arms.size()][levels];
        List<double[]> byArm = numbers(variable, timePoint);
        for (int a = 0; a < byArm.size(); a++) {
            for (double code : byArm.get(a)) {
                t[a][(int) code]++;
            }
        }
        return t;
    }

    /**
     * Paired values of one arm: subjects of the arm with both values present.
     *
     * @param variable variable
     * @param kind its kind (coded variables are compared by their codes)
     * @param timePoint follow-up time point
     * @param baseline baseline time point
     * @param arm arm index
     * @return {follow-up values, baseline values}
     */
    public double[][] pairs(String variable, VariableKind kind, String timePoint, String baseline, int arm) {
        double[] later = data.asNumbers(variable, timePoint);
        double[] first = data.asNumbers(variable, baseline);
        // one pass into arrays as long as the arm, trimmed after: the subjects with both values are most of it
        double[] x = new double[armSizes[arm]];
        double[] y = new double[armSizes[arm]];
        int k = 0;
        for (int i = 0; i < later.length; i++) {
            if (armOfSubject[i] == arm && !Double.isNaN(later[i]) && !Double.isNaN(first[i])) {
                x[k] = later[i];
                y[k++] = first[i];
            }
        }
        if (k < x.length) {
            x = java.util.Arrays.copyOf(x, k);
            y = java.util.Arrays.copyOf(y, k);
        }
        return new double[][] {x, y};
    }
}
