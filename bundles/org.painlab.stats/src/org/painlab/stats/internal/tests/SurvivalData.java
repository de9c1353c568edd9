package org.painlab.stats.internal.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.painlab.stats.TestInput;

/**
 * Right-censored survival data read from fields time, status (1 = event, 0 = censored) and
 * group. Groups are ordered as R orders factor levels: numerically when every label is a number,
 * alphabetically otherwise.
 *
 * @param time follow-up times
 * @param status event indicators
 * @param group group index of each subject
 * @param labels group labels in level order
 */
record SurvivalData(double[] time, int[] status, int[] group, List<String> labels) {

    static SurvivalData from(TestInput input) {
        double[] time = input.doubles("time");
        int[] status = input.ints("status");
        String[] groups = input.strings("group");
        if (time.length != status.length || time.length != groups.length) {
            throw new IllegalArgumentException("fields 'time', 'status' and 'group' must have the same length ("
                    + time.length + ", " + status.length + ", " + groups.length + ")");
        }
        if (time.length == 0) {
            throw new IllegalArgumentException("field 'time' holds no subject");
        }
        for (int i = 0; i < time.length; i++) {
            if (time[i] < 0) {
                throw new IllegalArgumentException("field 'time' element " + i + " must not be negative, not " + time[i]);
            }
            if (status[i] != 0 && status[i] != 1) {
                throw new IllegalArgumentException("field 'status' element " + i + " must be 1 (event) or 0 (censored),"
                        + " not " + status[i]);
            }
        }
        List<String> labels = levels(groups);
        int[] index = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            index[i] = labels.indexOf(groups[i]);
        }
        return new SurvivalData(time, status, index, labels);
    }

    /** @param g group index @return times of that group */
    double[] timesOf(int g) {
        return select(g, time);
    }

    /** @param g group index @return event indicators of that group */
    int[] statusOf(int g) {
        int[] out = new int[count(g)];
        int k = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i] == g) {
                out[k++] = status[i];
            }
        }
        return out;
    }

    private double[] select(int g, double[] values) {
        double[] out = new double[count(g)];
        int k = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i] == g) {
                out[k++] = values[i];
            }
        }
        return out;
    }

    private int count(int g) {
        return (int) Arrays.stream(group).filter(v -> v == g).count();
    }

    private static List<String> levels(String[] groups) {
        boolean numeric = true;
        for (String g : groups) {
            try {
                Double.parseDouble(g);
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        TreeSet<String> set = numeric
                ? new TreeSet<>((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)))
                : new TreeSet<>();
        set.addAll(Arrays.asList(groups));
        return new ArrayList<>(set);
    }
}
