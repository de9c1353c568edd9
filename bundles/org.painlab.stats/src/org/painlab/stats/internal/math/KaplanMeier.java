package org.painlab.stats.internal.math;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Kaplan-Meier estimate of one group at its event times, with Greenwood standard errors and
 * pointwise intervals on the log and log-log scales, as R's survfit and summary.survfit report
 * them (std_err on the survival scale; upper log bound capped at 1), and the median survival
 * with its interval as print.survfit gives it.
 *
 * @param time event times (ascending)
 * @param nRisk number at risk just before each time
 * @param nEvent number of events at each time
 * @param surv survival estimate just after each time
 * @param stdErr Greenwood standard error of the survival estimate
 * @param varLog Greenwood variance of log survival (cumulative)
 */
public record KaplanMeier(double[] time, int[] nRisk, int[] nEvent, double[] surv, double[] stdErr, double[] varLog) {

    /** survival's tolerance for "the curve is exactly at the quantile" when it reads a median. */
    private static final double QUANTILE_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    /**
     * @param time follow-up times of the group
     * @param event 1 for an event, 0 for censoring
     * @return the estimate at the event times
     */
    public static KaplanMeier of(double[] time, int[] event) {
        int n = time.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> time[i]));
        List<double[]> rows = new ArrayList<>();
        double s = 1;
        double cumVar = 0;
        int i = 0;
        while (i < n) {
            double t = time[order[i]];
            int atRisk = n - i;
            int deaths = 0;
            int j = i;
            while (j < n && time[order[j]] == t) {
                deaths += event[order[j]];
                j++;
            }
            if (deaths > 0) {
                s *= (atRisk - deaths) / (double) atRisk;
                // when everyone left dies the curve is 0 and its Greenwood term is taken as 0
                if (atRisk > deaths) {
                    cumVar += deaths / ((double) atRisk * (atRisk - deaths));
                }
                rows.add(new double[] {t, atRisk, deaths, s, cumVar});
            }
            i = j;
        }
        int m = rows.size();
        double[] tt = new double[m];
        int[] risk = new int[m];
        int[] ev = new int[m];
        double[] sv = new double[m];
        double[] se = new double[m];
        double[] vl = new double[m];
        for (int k = 0; k < m; k++) {
            double[] r = rows.get(k);
            tt[k] = r[0];
            risk[k] = (int) r[1];
            ev[k] = (int) r[2];
            sv[k] = r[3];
            vl[k] = r[4];
            se[k] = r[3] * Math.sqrt(r[4]);
        }
        return new KaplanMeier(tt, risk, ev, sv, se, vl);
    }

    /**
     * @param confLevel confidence level
     * @param logLog false for the log scale (survfit's default), true for log-log
     * @return {lower[], upper[]}; NaN where the interval is undefined (survival 0, or 1 on log-log)
     */
    public double[][] confidenceBands(double confLevel, boolean logLog) {
        double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);
        int m = time.length;
        double[] lower = new double[m];
        double[] upper = new double[m];
        for (int k = 0; k < m; k++) {
            double p = surv[k];
            double se = Math.sqrt(varLog[k]);
            if (!logLog) {
                if (p == 0) {
                    lower[k] = Double.NaN;
                    upper[k] = Double.NaN;
                } else {
                    lower[k] = Math.exp(Math.log(p) - z * se);
                    upper[k] = Math.min(1, Math.exp(Math.log(p) + z * se));
                }
            } else {
                if (p == 0 || p == 1) {
                    lower[k] = Double.NaN;
                    upper[k] = Double.NaN;
                } else {
                    // se2 is negative (log p < 0), so subtracting it gives the lower bound
                    double se2 = z * se / Math.log(p);
                    lower[k] = Math.exp(-Math.exp(Math.log(-Math.log(p)) - se2));
                    upper[k] = Math.exp(-Math.exp(Math.log(-Math.log(p)) + se2));
                }
            }
        }
        return new double[][] {lower, upper};
    }

    /**
     * @param curve survival values at the event times
     * @return the first time the curve reaches 0.5 or below (the midpoint to the next event time
     *         when it sits exactly at 0.5), NaN when it never does
     */
    public double median(double[] curve) {
        for (int k = 0; k < curve.length; k++) {
            if (Double.isNaN(curve[k])) {
                continue;
            }
            if (Math.abs(curve[k] - 0.5) < QUANTILE_TOLERANCE) {
                return k + 1 < time.length ? (time[k] + time[k + 1]) / 2 : time[k];
            }
            if (curve[k] < 0.5) {
                return time[k];
            }
        }
        return Double.NaN;
    }

    /**
     * @param groupLabel stratum label
     * @param confLevel confidence level of the bands
     * @return JSON-shaped table as summary.survfit prints it, both interval types
     */
    public Map<String, Object> toMap(String groupLabel, double confLevel) {
        double[][] log = confidenceBands(confLevel, false);
        double[][] logLog = confidenceBands(confLevel, true);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("group", groupLabel);
        map.put("time", time);
        map.put("n_risk", nRisk);
        map.put("n_event", nEvent);
        map.put("surv", surv);
        map.put("std_err", stdErr);
        map.put("lower_log", log[0]);
        map.put("upper_log", log[1]);
        map.put("lower_loglog", logLog[0]);
        map.put("upper_loglog", logLog[1]);
        return map;
    }
}
