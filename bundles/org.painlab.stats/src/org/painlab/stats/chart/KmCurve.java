package org.painlab.stats.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.painlab.stats.TestInput;
import org.painlab.stats.TestResult;

/**
 * One group's Kaplan–Meier curve as drawn: the estimate after each event time with its
 * confidence limits, the censoring times (for the ticks) and the end of follow-up (where the
 * last step ends).
 *
 * @param label group label
 * @param time event times, ascending
 * @param surv survival just after each event time
 * @param lower lower confidence limit at each event time (NaN where undefined)
 * @param upper upper confidence limit at each event time (NaN where undefined)
 * @param censored censoring times, ascending
 * @param end longest follow-up of the group
 * @param n subjects in the group
 *
 * @since 0.1
 */
public record KmCurve(String label, double[] time, double[] surv, double[] lower, double[] upper, double[] censored,
        double end, int n) {

    /** Checks the arrays line up. */
    public KmCurve {
        if (time.length != surv.length || time.length != lower.length || time.length != upper.length) {
            throw new IllegalArgumentException("Kaplan-Meier curve of " + label + ": time, surv and limits differ in length");
        }
    }

    /**
     * The curves of a log-rank result (its "km" extra, log-type intervals as survfit's default),
     * with the censoring times read from the input the test ran on.
     *
     * @param logRank result of the log-rank test
     * @param input its input (fields time, status, group)
     * @return one curve per group, in the test's group order
     */
    public static List<KmCurve> fromLogRank(TestResult logRank, TestInput input) {
        if (!(logRank.extra("km") instanceof List<?> tables)) {
            throw new IllegalArgumentException("result of " + logRank.method() + " has no Kaplan-Meier tables ('km')");
        }
        double[] time = input.doubles("time");
        int[] status = input.ints("status");
        String[] group = input.strings("group");
        List<KmCurve> out = new ArrayList<>();
        for (Object o : tables) {
            Map<?, ?> t = (Map<?, ?>) o;
            String label = String.valueOf(t.get("group"));
            List<Double> cens = new ArrayList<>();
            double end = 0;
            int n = 0;
            for (int i = 0; i < time.length; i++) {
                if (group[i].equals(label)) {
                    n++;
                    end = Math.max(end, time[i]);
                    if (status[i] == 0) {
                        cens.add(time[i]);
                    }
                }
            }
            out.add(new KmCurve(label, numbers(t.get("time")), numbers(t.get("surv")), numbers(t.get("lower_log")),
                    numbers(t.get("upper_log")), cens.stream().mapToDouble(Double::doubleValue).sorted().toArray(), end,
                    n));
        }
        return out;
    }

    /** Extras are JSON-shaped (lists, null for NaN); arrays are accepted too. */
    private static double[] numbers(Object o) {
        if (o instanceof double[] a) {
            return a.clone();
        }
        List<?> list = (List<?>) o;
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i) instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return out;
    }

    /**
     * @param t a time
     * @return the estimate at t (the step function is right-continuous: an event at t counts)
     */
    public double survivalAt(double t) {
        double s = 1;
        for (int i = 0; i < time.length && time[i] <= t; i++) {
            s = surv[i];
        }
        return s;
    }

    /**
     * The step function as the points of a polyline, in data units: from (0, 1) down at every
     * event time, to the end of follow-up.
     *
     * @param values surv, lower or upper (NaN taken as the estimate, so the band closes)
     * @return {xs, ys}
     */
    public double[][] steps(double[] values) {
        int n = time.length;
        double[] xs = new double[2 * n + 2];
        double[] ys = new double[2 * n + 2];
        xs[0] = 0;
        ys[0] = 1;
        double prev = 1;
        for (int i = 0; i < n; i++) {
            double v = Double.isNaN(values[i]) ? surv[i] : values[i];
            xs[2 * i + 1] = time[i];
            ys[2 * i + 1] = prev;
            xs[2 * i + 2] = time[i];
            ys[2 * i + 2] = v;
            prev = v;
        }
        xs[2 * n + 1] = Math.max(end, n == 0 ? 0 : time[n - 1]);
        ys[2 * n + 1] = prev;
        return new double[][] { xs, ys };
    }
}
