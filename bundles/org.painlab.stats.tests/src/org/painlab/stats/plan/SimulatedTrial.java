package org.painlab.stats.plan;

import org.painlab.core.data.VariableKind;

import org.painlab.core.data.SubjectData;

import java.util.List;
import java.util.SplittableRandom;

/**
 * SIMULATED data shaped like the SNRB-before-PELD trial (BRIEF §1), for tests and the benchmark:
 * baseline characteristics, VAS at four visits, JOA/ODI/SF-36 at admission and 3 months,
 * complications and MacNab grades, arms S and P, ITT and per-protocol populations, about 5% lost
 * to follow-up. Not patient data; the effects are invented so that tests see both significant and
 * non-significant comparisons.
 */
public final class SimulatedTrial {

    /** Visits of the trial. */
    public static final List<String> VISITS = List.of("admission", "pre_surgery", "day3", "month3");
    private static final List<String> NO_YES = List.of("no", "yes");

    private SimulatedTrial() {
    }

    /**
     * @param n subjects (half per arm)
     * @param seed random seed
     * @return the data
     */
    public static SubjectData generate(int n, long seed) {
        return generate(n, seed, false);
    }

    /**
     * @param n subjects
     * @param seed seed
     * @param compact true for the 20-variable benchmark set (without the two SF-36 domains)
     * @return the data
     */
    public static SubjectData generate(int n, long seed, boolean compact) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] ids = new String[n];
        int[] arm = new int[n];
        boolean[] itt = new boolean[n];
        boolean[] pp = new boolean[n];
        boolean[] lost = new boolean[n];
        for (int i = 0; i < n; i++) {
            ids[i] = String.format("SIM-%06d", i + 1);
            arm[i] = i % 2;
            itt[i] = true;
            lost[i] = rnd.nextDouble() < 0.05;
            pp[i] = !lost[i] && rnd.nextDouble() > 0.03;
        }
        SubjectData.Builder b = SubjectData.builder(List.of("S", "P")).subjects(ids, arm)
                .population("ITT", itt).population("PP", pp)
                .describe(true, "SIMULATED trial, " + n + " subjects, seed " + seed);
        b.coded("sex", VariableKind.CATEGORICAL, List.of("M", "F"), null, codes(n, rnd, 0.55, 0.45));
        b.numeric("age", null, normal(n, rnd, 47, 12, 0, 18, 80));
        b.numeric("bmi", null, normal(n, rnd, 24.2, 2.6, 1, 18.5, 30));
        b.coded("level", VariableKind.CATEGORICAL, List.of("L2-3", "L3-4", "L4-5", "L5-S1"), null,
                codes(n, rnd, 0.03, 0.12, 0.50, 0.35));
        b.coded("pfirrmann", VariableKind.ORDINAL, List.of("I", "II", "III", "IV", "V"), null,
                codes(n, rnd, 0.02, 0.13, 0.40, 0.35, 0.10));
        b.numeric("leg_pain_days", null, logNormal(n, rnd, Math.log(150), 0.6, 90));
        b.coded("hypertension", VariableKind.BINARY, NO_YES, null, codes(n, rnd, 0.78, 0.22));
        b.coded("diabetes", VariableKind.BINARY, NO_YES, null, codes(n, rnd, 0.9, 0.1));
        b.coded("numbness", VariableKind.BINARY, NO_YES, null, codes(n, rnd, 0.4, 0.6));
        b.coded("back_pain", VariableKind.BINARY, NO_YES, null, codes(n, rnd, 0.3, 0.7));
        b.numeric("operation_minutes", null, normal(n, rnd, 75, 15, 0, 30, 150));
        double[] blood = logNormal(n, rnd, Math.log(20), 0.5, 5);
        b.numeric("blood_loss_ml", null, blood);
        b.numeric("length_of_stay_days", null, logNormal(n, rnd, Math.log(5), 0.35, 2));
        // VAS: S gets relief from the block before surgery; both improve after surgery
        double[][] vas = new double[4][n];
        for (int i = 0; i < n; i++) {
            double base = clamp(round(7.2 + 0.9 * rnd.nextGaussian(), 1), 0, 10);
            vas[0][i] = base;
            vas[1][i] = clamp(round(base - (arm[i] == 0 ? 2.5 : 0.3) + 0.9 * rnd.nextGaussian(), 1), 0, 10);
            vas[2][i] = clamp(round(2.4 - (arm[i] == 0 ? 0.3 : 0) + 0.8 * rnd.nextGaussian(), 1), 0, 10);
            vas[3][i] = lost[i] ? Double.NaN : clamp(round(1.4 + 0.6 * Math.abs(rnd.nextGaussian()), 1), 0, 10);
        }
        for (int t = 0; t < 4; t++) {
            b.numeric("vas", VISITS.get(t), vas[t]);
        }
        double[][] joa = new double[2][n];
        double[][] odi = new double[2][n];
        for (int i = 0; i < n; i++) {
            joa[0][i] = clamp(Math.round(13 + 3 * rnd.nextGaussian()), 0, 29);
            joa[1][i] = lost[i] ? Double.NaN : clamp(Math.round(24 + 2.5 * rnd.nextGaussian()), 0, 29);
            odi[0][i] = clamp(round(58 + 10 * rnd.nextGaussian(), 1), 0, 100);
            odi[1][i] = lost[i] ? Double.NaN : clamp(round(18 + 6 * rnd.nextGaussian() - (arm[i] == 0 ? 2 : 0), 1), 0, 100);
        }
        b.numeric("joa", "admission", joa[0]).numeric("joa", "month3", joa[1]);
        b.numeric("odi", "admission", odi[0]).numeric("odi", "month3", odi[1]);
        if (!compact) {
            for (String domain : List.of("sf36_pf", "sf36_bp")) {
                double[] a = new double[n];
                double[] m = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = clamp(Math.round((40 + 15 * rnd.nextGaussian()) / 5) * 5.0, 0, 100);
                    m[i] = lost[i] ? Double.NaN : clamp(Math.round((75 + 12 * rnd.nextGaussian()) / 5) * 5.0, 0, 100);
                }
                b.numeric(domain, "admission", a).numeric(domain, "month3", m);
            }
        }
        b.coded("residual_back_pain", VariableKind.BINARY, NO_YES, "month3", lostAware(codes(n, rnd, 0.85, 0.15), lost));
        b.coded("recurrent_pain", VariableKind.BINARY, NO_YES, "month3", lostAware(codes(n, rnd, 0.95, 0.05), lost));
        b.coded("serious_complication", VariableKind.BINARY, NO_YES, "month3",
                lostAware(codes(n, rnd, 0.985, 0.015), lost));
        int[] macnab = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble() - (arm[i] == 0 ? 0.08 : 0);
            macnab[i] = lost[i] ? -1 : u < 0.45 ? 0 : u < 0.85 ? 1 : u < 0.96 ? 2 : 3;
        }
        b.coded("macnab", VariableKind.ORDINAL, List.of("excellent", "good", "fair", "poor"), "month3", macnab);
        return b.build();
    }

    private static int[] lostAware(int[] codes, boolean[] lost) {
        for (int i = 0; i < codes.length; i++) {
            if (lost[i]) {
                codes[i] = -1;
            }
        }
        return codes;
    }

    private static int[] codes(int n, SplittableRandom rnd, double... p) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            int k = 0;
            double c = p[0];
            while (u > c && k < p.length - 1) {
                c += p[++k];
            }
            out[i] = k;
        }
        return out;
    }

    private static double[] normal(int n, SplittableRandom rnd, double mean, double sd, int decimals, double lo,
            double hi) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = clamp(round(mean + sd * rnd.nextGaussian(), decimals), lo, hi);
        }
        return out;
    }

    private static double[] logNormal(int n, SplittableRandom rnd, double mu, double sigma, double min) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.max(min, Math.round(Math.exp(mu + sigma * rnd.nextGaussian())));
        }
        return out;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
