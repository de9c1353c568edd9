package org.painlab.core.data;

/**
 * A group's outcome over time (mean, SD and n at each time), e.g. an arm's VAS over the days
 * after surgery: what a mechanism model is fitted to.
 *
 * @param outcome the outcome, e.g. "vas"
 * @param group the arm or group
 * @param timeUnit unit of {@code times}, e.g. "day"
 * @param times the times, ascending
 * @param means the mean at each time (NaN where nobody was measured)
 * @param sds the standard deviation at each time (NaN where undefined)
 * @param n the number measured at each time
 * @since 0.1
 */
public record TimeCourse(String outcome, String group, String timeUnit, double[] times, double[] means, double[] sds,
        int[] n) {

    /** Copies the arrays and checks that they have one entry per time, in ascending time order. */
    public TimeCourse {
        if (times.length != means.length || times.length != sds.length || times.length != n.length) {
            throw new IllegalArgumentException(outcome + " / " + group + ": times, means, SDs and n differ in length");
        }
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] > times[i - 1])) {
                throw new IllegalArgumentException(outcome + " / " + group + ": times must ascend, not "
                        + java.util.Arrays.toString(times));
            }
        }
        times = times.clone();
        means = means.clone();
        sds = sds.clone();
        n = n.clone();
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] sds() {
        return sds.clone();
    }

    @Override
    public int[] n() {
        return n.clone();
    }
}
