package org.painlab.mechanism.sensitivity;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.mechanism.internal.sensitivity.ParallelEvaluation;

/**
 * Local sensitivities at the nominal values by central differences: d y / d p with p ± h, h = {@value #STEP}
 * · |p|, and the normalised coefficient (d y / d p) · p / y (the relative change of the output per relative
 * change of the parameter; NaN when y is 0). 2k evaluations plus the nominal one.
 *
 * @since 0.1
 */
public final class LocalSensitivity {
    /** Relative step of the central differences. */
    public static final double STEP = 1e-3;

    /** Sensitivity of the output to one parameter. */
    public record Coefficient(String parameter, double value, double derivative, double normalised) {
    }

    /** The output at the nominal values and one coefficient per parameter. */
    public record Result(double output, List<Coefficient> coefficients) {
    }

    /**
     * @param response the output as a function of the parameters
     * @param parameters the parameter ids, in the response's order
     * @param nominal their values (non-zero)
     * @param threads worker threads
     * @param monitor cancellation (may be null)
     * @throws SensitivityException when a simulation fails or a nominal value is 0
     */
    public Result run(Response response, List<String> parameters, double[] nominal, int threads, IProgressMonitor monitor)
            throws SensitivityException {
        int k = parameters.size();
        double[][] points = new double[2 * k + 1][];
        points[0] = nominal.clone();
        for (int i = 0; i < k; i++) {
            if (!(Double.isFinite(nominal[i]) && nominal[i] != 0)) {
                throw new SensitivityException("local sensitivity: parameter '" + parameters.get(i) + "' has value "
                        + nominal[i] + "; a relative step needs a finite non-zero value");
            }
            double h = STEP * Math.abs(nominal[i]);
            points[1 + 2 * i] = nominal.clone();
            points[1 + 2 * i][i] += h;
            points[2 + 2 * i] = nominal.clone();
            points[2 + 2 * i][i] -= h;
        }
        double[] y = new ParallelEvaluation(threads).evaluate(response, points, monitor);
        List<Coefficient> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double d = (y[1 + 2 * i] - y[2 + 2 * i]) / (points[1 + 2 * i][i] - points[2 + 2 * i][i]);
            out.add(new Coefficient(parameters.get(i), nominal[i], d, y[0] == 0 ? Double.NaN : d * nominal[i] / y[0]));
        }
        return new Result(y[0], out);
    }
}
