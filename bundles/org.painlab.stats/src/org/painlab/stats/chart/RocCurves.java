package org.painlab.stats.chart;

import java.util.ArrayList;
import java.util.List;

import org.painlab.core.chart.RocCurve;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestResult;

/**
 * ROC curves of a statistics result: turns a {@code roc-delong} test's input and result into the curves core's
 * {@link org.painlab.core.chart.RocChart} draws.
 *
 * @since 0.1
 */
public final class RocCurves {
    private RocCurves() {
    }

    /**
     * The curves of a roc-delong result: marker1 (or x) and, when given, marker2.
     *
     * @param delong result of the roc-delong test
     * @param input its input (fields label, marker1 or x, marker2)
     * @return one or two curves
     */
    public static List<RocCurve> fromDeLong(TestResult delong, TestInput input) {
        int[] label = input.ints("label");
        List<RocCurve> out = new ArrayList<>();
        String first = input.has("marker1") ? "marker1" : "x";
        out.add(RocCurve.of(first, label, input.doubles(first), delong.extraDouble("auc1"), ci(delong, "ci95_auc1")));
        if (input.has("marker2")) {
            out.add(RocCurve.of("marker2", label, input.doubles("marker2"), delong.extraDouble("auc2"),
                    ci(delong, "ci95_auc2")));
        }
        return out;
    }

    private static double[] ci(TestResult r, String key) {
        Object v = r.extra(key);
        if (v instanceof double[] a) {
            return a.clone();
        }
        if (v instanceof List<?> l && l.size() == 2) {
            return new double[] { ((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue() };
        }
        throw new IllegalArgumentException("result of " + r.method() + " has no interval '" + key + "'");
    }
}
