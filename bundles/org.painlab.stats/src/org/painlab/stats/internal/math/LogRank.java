package org.painlab.stats.internal.math;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The G-rho family of k-sample survival tests of Harrington and Fleming as R's survdiff: rho = 0
 * is the (Mantel-Haenszel) log-rank test, rho = 1 the Peto-Peto modification of the Gehan test.
 * Weights are the pooled Kaplan-Meier estimate just before each time, raised to rho.
 *
 * @param observed weighted observed events per group
 * @param expected weighted expected events per group
 * @param variance variance-covariance matrix of observed - expected
 * @param chiSquare the test statistic
 * @param df degrees of freedom (groups with expected events, minus 1)
 */
public record LogRank(double[] observed, double[] expected, double[][] variance, double chiSquare, int df) {

    /**
     * @param time follow-up times
     * @param event 1 for an event, 0 for censoring
     * @param group group index 0..groups-1 of each subject
     * @param groups number of groups
     * @param rho weight exponent
     * @return the test
     * @throws IllegalArgumentException if the variance matrix is singular
     */
    public static LogRank of(double[] time, int[] event, int[] group, int groups, double rho) {
        int n = time.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> time[i]));
        int[] atRisk = new int[groups];
        for (int g : group) {
            atRisk[g]++;
        }
        double[] obs = new double[groups];
        double[] exp = new double[groups];
        double[][] var = new double[groups][groups];
        double km = 1;
        int i = 0;
        while (i < n) {
            double t = time[order[i]];
            int nRisk = n - i;
            int[] deathsByGroup = new int[groups];
            int[] leaving = new int[groups];
            int deaths = 0;
            int j = i;
            while (j < n && time[order[j]] == t) {
                int g = group[order[j]];
                deathsByGroup[g] += event[order[j]];
                deaths += event[order[j]];
                leaving[g]++;
                j++;
            }
            double wt = rho == 0 ? 1 : Math.pow(km, rho);
            if (deaths > 0) {
                for (int g = 0; g < groups; g++) {
                    obs[g] += wt * deathsByGroup[g];
                    exp[g] += wt * deaths * atRisk[g] / (double) nRisk;
                }
                if (nRisk > 1) {
                    double w2 = wt * wt;
                    for (int a = 0; a < groups; a++) {
                        double tmp = w2 * deaths * atRisk[a] * (nRisk - deaths) / ((double) nRisk * (nRisk - 1));
                        var[a][a] += tmp;
                        for (int b = 0; b < groups; b++) {
                            var[a][b] -= tmp * atRisk[b] / nRisk;
                        }
                    }
                }
                km *= (nRisk - deaths) / (double) nRisk;
            }
            for (int g = 0; g < groups; g++) {
                atRisk[g] -= leaving[g];
            }
            i = j;
        }
        return new LogRank(obs, exp, var, statistic(obs, exp, var), countPositive(exp) - 1);
    }

    /** survdiff: drop groups without expected events and the first remaining one, then solve. */
    private static double statistic(double[] obs, double[] exp, double[][] var) {
        int[] kept = IntStream.range(0, exp.length).filter(g -> exp[g] > 0).toArray();
        if (kept.length < 2) {
            return 0;
        }
        int m = kept.length - 1;
        double[][] v = new double[m][m];
        double[] diff = new double[m];
        for (int a = 0; a < m; a++) {
            diff[a] = obs[kept[a + 1]] - exp[kept[a + 1]];
            for (int b = 0; b < m; b++) {
                v[a][b] = var[kept[a + 1]][kept[b + 1]];
            }
        }
        try {
            RealVector solved = new LUDecomposition(new Array2DRowRealMatrix(v, false)).getSolver()
                    .solve(new ArrayRealVector(diff, false));
            double chi = 0;
            for (int a = 0; a < m; a++) {
                chi += solved.getEntry(a) * diff[a];
            }
            return chi;
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("the log-rank variance matrix is singular (a group has no subject at"
                    + " risk at any event time)", e);
        }
    }

    private static int countPositive(double[] values) {
        int c = 0;
        for (double v : values) {
            if (v > 0) {
                c++;
            }
        }
        return c;
    }
}
