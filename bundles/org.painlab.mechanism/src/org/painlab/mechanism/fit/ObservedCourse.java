package org.painlab.mechanism.fit;

import java.util.ArrayList;
import java.util.List;

import org.painlab.core.data.TimeCourse;
import org.painlab.mechanism.sim.Interventions;

/**
 * One course of observations a model is fitted to (a trial arm's mean VAS per day, or a CSV file's values),
 * with the interventions that the model gets for it (e.g. the SNRB arm's glucocorticoid the day before surgery).
 * Times are the data's; the fit adds its time offset to reach model time.
 *
 * @param arm the arm or group
 * @param course the outcome, e.g. "vas"
 * @param times observation times, ascending
 * @param observed the observed values (means)
 * @param sd their standard deviations (NaN where unknown)
 * @param n how many were measured (0 where unknown)
 * @param interventions what the model gets for this course
 * @param interventionText the interventions as given (for the stored result), e.g. ["glucocorticoid_snrb@-1"]
 * @since 0.1
 */
public record ObservedCourse(String arm, String course, double[] times, double[] observed, double[] sd, int[] n,
        List<Interventions.Timed> interventions, List<String> interventionText) {
    /** Copies and checks. */
    public ObservedCourse {
        if (times.length == 0 || times.length != observed.length || times.length != sd.length || times.length != n.length) {
            throw new IllegalArgumentException(course + " / " + arm + ": no observations, or times, values, SDs and n differ in length");
        }
        times = times.clone();
        observed = observed.clone();
        sd = sd.clone();
        n = n.clone();
        interventions = List.copyOf(interventions);
        interventionText = List.copyOf(interventionText);
    }

    /**
     * The observed points of a core time course (times where nobody was measured are left out).
     *
     * @throws IllegalArgumentException when no time has a value
     */
    public static ObservedCourse of(TimeCourse tc, List<String> interventionText) {
        List<Interventions.Timed> timed = new ArrayList<>();
        for (String s : interventionText) {
            timed.addAll(Interventions.parse(s));
        }
        double[] t = tc.times(), m = tc.means(), s = tc.sds();
        int[] n = tc.n();
        int k = 0;
        for (int i = 0; i < t.length; i++) {
            if (Double.isFinite(m[i])) {
                k++;
            }
        }
        if (k == 0) {
            throw new IllegalArgumentException(tc.outcome() + " / " + tc.group() + ": no time has an observed value");
        }
        double[] tt = new double[k], mm = new double[k], ss = new double[k];
        int[] nn = new int[k];
        int j = 0;
        for (int i = 0; i < t.length; i++) {
            if (Double.isFinite(m[i])) {
                tt[j] = t[i];
                mm[j] = m[i];
                ss[j] = s[i];
                nn[j++] = n[i];
            }
        }
        return new ObservedCourse(tc.group(), tc.outcome(), tt, mm, ss, nn, timed, interventionText);
    }

    /**
     * Standard errors of the observations: SD/sqrt(n) where both are known, SD alone where n is unknown (0),
     * NaN where the SD is unknown.
     */
    public double[] standardErrors() {
        double[] se = new double[times.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = sd[i] > 0 && Double.isFinite(sd[i]) ? (n[i] > 0 ? sd[i] / Math.sqrt(n[i]) : sd[i]) : Double.NaN;
        }
        return se;
    }
}
