package org.painlab.mechanism.internal.solve;

import java.util.ArrayList;
import java.util.List;

import org.painlab.mechanism.solve.OdeSystem;

/**
 * Anderson et al. 2015 (Mol BioSyst 11:3332) microglial cytokine network, coded from the authors' equations
 * (ModelDB 170029 odefn.m): production = Vmax x LPS term x Hill activations x Hill inhibitions, passive
 * degradation, and the constant term that holds the initial state without LPS. Values from the model file.
 */
final class AndersonSystem implements OdeSystem {
    static final String[] CYTOKINES = {"IL1b", "TNF", "IL6", "TGFb", "IL10", "CCL5"};
    static final int TNF = 1;
    static final int TGFB = 3;
    static final int IL10 = 4;

    /** Regulations of each cytokine as in odefn.m: regulator -> target, activation or inhibition. */
    private static final String[][] NETWORK = {
        {"+IL1b", "+TNF", "-IL6", "-IL10", "-CCL5"},
        {"+IL1b", "+TNF", "-IL6", "-TGFb", "-IL10", "-CCL5"},
        {"+TNF", "-IL10", "-CCL5"},
        {"+TNF", "+TGFb"},
        {"+TNF", "+IL6", "-CCL5"},
        {"+IL1b", "+TNF", "+IL6", "-TGFb", "-IL10"}};

    private record Hill(boolean activation, int regulator, double k, double n) {
        double value(double[] x) {
            double xn = Math.pow(x[regulator], n);
            double kn = Math.pow(k, n);
            return (activation ? xn : kn) / (xn + kn);
        }
    }

    private final double lps;
    private final double[] vmax = new double[6];
    private final double[] kLps = new double[6];
    private final double[] kd = new double[6];
    private final List<List<Hill>> terms = new ArrayList<>();
    private final double[] offset = new double[6];

    AndersonSystem(BuiltInModelFile file, double lps) {
        this.lps = lps;
        List<String> names = List.of(CYTOKINES);
        for (int i = 0; i < 6; i++) {
            String target = CYTOKINES[i];
            vmax[i] = file.get("Vmax_" + target);
            kd[i] = file.get("kd_" + target);
            // TGF-beta has no direct LPS term in the paper's network
            kLps[i] = i == TGFB ? Double.NaN : file.get("K_LPS_" + target);
            List<Hill> hills = new ArrayList<>();
            for (String r : NETWORK[i]) {
                String regulator = r.substring(1);
                hills.add(new Hill(r.charAt(0) == '+', names.indexOf(regulator), file.get("K_" + regulator + "_" + target),
                        file.get("n_" + regulator + "_" + target)));
            }
            terms.add(hills);
        }
        double[] y0 = new double[6];
        for (int i = 0; i < 6; i++) {
            y0[i] = file.get(CYTOKINES[i]);
        }
        double[] production = new double[6];
        production(y0, file.get("LPS_baseline"), production);
        for (int i = 0; i < 6; i++) {
            offset[i] = production[i] - kd[i] * y0[i];
        }
    }

    @Override
    public int dimension() {
        return 6;
    }

    private void production(double[] x, double level, double[] out) {
        for (int i = 0; i < 6; i++) {
            double p = vmax[i];
            if (!Double.isNaN(kLps[i])) {
                p *= level / (level + kLps[i]);
            }
            for (Hill h : terms.get(i)) {
                p *= h.value(x);
            }
            out[i] = p;
        }
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        production(y, lps, dydt);
        for (int i = 0; i < 6; i++) {
            dydt[i] -= kd[i] * y[i] + offset[i];
        }
    }
}
