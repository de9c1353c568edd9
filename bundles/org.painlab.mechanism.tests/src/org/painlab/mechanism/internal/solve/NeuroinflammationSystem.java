package org.painlab.mechanism.internal.solve;

import org.painlab.mechanism.solve.OdeSystem;

/**
 * The neuroinflammation - central sensitization model coded from the equations of docs/mechanism-models.md,
 * values from the model file. The two parameters the events change (exercise, microglia_block) are carried as
 * constant states so a SolverEvent can set them.
 */
final class NeuroinflammationSystem implements OdeSystem {
    static final String[] STATES = {"Inj", "M", "A", "T", "TNF", "IL1b", "IL6", "CCL2", "S", "GC", "Drug"};
    static final int INJ = 0;
    static final int M = 1;
    static final int A = 2;
    static final int T = 3;
    static final int TNF = 4;
    static final int IL1B = 5;
    static final int IL6 = 6;
    static final int CCL2 = 7;
    static final int S = 8;
    static final int GC = 9;
    static final int DRUG = 10;
    static final int EXERCISE = 11;
    static final int MICROGLIA_BLOCK = 12;

    private final BuiltInModelFile f;
    final double microgliaGain;
    final double tcellGain;
    private final double kHeal;
    private final double persistent;
    private final double kMAct;
    private final double kMDeact;
    private final double wMCyt;
    private final double kCyt;
    private final double exerciseMEffect;
    private final double kAAct;
    private final double kADeact;
    private final double wAM;
    private final double kTIn;
    private final double kTOut;
    private final double kCcl2Half;

    NeuroinflammationSystem(BuiltInModelFile file, double sexFemale) {
        f = file;
        microgliaGain = f.get("microglia_gain_male") * (1 - sexFemale) + f.get("microglia_gain_female") * sexFemale;
        tcellGain = f.get("tcell_gain_male") * (1 - sexFemale) + f.get("tcell_gain_female") * sexFemale;
        kHeal = f.get("k_heal");
        persistent = f.get("injury_persistent");
        kMAct = f.get("k_M_act");
        kMDeact = f.get("k_M_deact");
        wMCyt = f.get("w_M_cyt");
        kCyt = f.get("K_cyt");
        exerciseMEffect = f.get("exercise_M_effect");
        kAAct = f.get("k_A_act");
        kADeact = f.get("k_A_deact");
        wAM = f.get("w_A_M");
        kTIn = f.get("k_T_in");
        kTOut = f.get("k_T_out");
        kCcl2Half = f.get("K_CCL2");
    }

    @Override
    public int dimension() {
        return 13;
    }

    /** The initial state of the file (male uninjured steady state), with no exercise and no block. */
    double[] initialState() {
        double[] y = new double[13];
        for (int i = 0; i < STATES.length; i++) {
            y[i] = f.get(STATES[i]);
        }
        return y;
    }

    /** Microglial TNF-alpha production rate, for the dominant-pathway comparison. */
    double tnfFromMicroglia(double[] y) {
        return f.get("s_TNF_M") * microgliaGain * y[M];
    }

    /** T-cell TNF-alpha production rate. */
    double tnfFromTCells(double[] y) {
        return f.get("s_TNF_T") * tcellGain * y[T];
    }

    /** Pain on 0-10 (the model's assignment rule). */
    double pain(double[] y) {
        double x = (y[INJ] + persistent + f.get("basal_input")) * (1 + f.get("gain_S") * y[S])
                * (1 - f.get("exercise_opioid_effect") * y[EXERCISE]);
        double k = f.get("K_pain");
        return f.get("pain_max") * x * x / (k * k + x * x);
    }

    @Override
    public void derivatives(double t, double[] y, double[] d) {
        double inj = y[INJ] + persistent;
        double production = 1 - f.get("gc_max_inhibition") * y[GC] / (y[GC] + f.get("gc_ec50"));
        double tnf2 = y[TNF] * y[TNF];
        double il12 = y[IL1B] * y[IL1B];
        d[INJ] = -kHeal * y[INJ];
        d[M] = kMAct * microgliaGain * (1 - y[MICROGLIA_BLOCK]) * (inj + wMCyt * tnf2 / (kCyt * kCyt + tnf2))
                * (1 - y[M]) - kMDeact * (1 + exerciseMEffect * y[EXERCISE]) * y[M];
        d[A] = kAAct * (il12 / (kCyt * kCyt + il12) + wAM * y[M]) * (1 - y[A]) - kADeact * y[A];
        d[T] = kTIn * tcellGain * y[CCL2] / (kCcl2Half + y[CCL2]) * (1 - y[T]) - kTOut * y[T];
        d[TNF] = production * (f.get("b_TNF") + f.get("s_TNF_M") * microgliaGain * y[M] + f.get("s_TNF_T") * tcellGain
                * y[T] + f.get("s_TNF_A") * y[A]) - (f.get("k_TNF") + f.get("k_drug_TNF") * y[DRUG]) * y[TNF];
        d[IL1B] = production * (f.get("b_IL1b") + f.get("s_IL1b_M") * microgliaGain * y[M] + f.get("s_IL1b_A") * y[A])
                - (f.get("k_IL1b") + f.get("k_drug_IL1b") * y[DRUG]) * y[IL1B];
        d[IL6] = production * (f.get("b_IL6") + f.get("s_IL6_M") * microgliaGain * y[M] + f.get("s_IL6_A") * y[A]
                + f.get("s_IL6_T") * tcellGain * y[T] + f.get("s_IL6_TNF") * y[TNF]) - f.get("k_IL6") * y[IL6];
        d[CCL2] = production * (f.get("b_CCL2") + f.get("s_CCL2_inj") * inj + f.get("s_CCL2_A") * y[A])
                - f.get("k_CCL2") * y[CCL2];
        double signal = f.get("w_TNF") * y[TNF] + f.get("w_IL1b") * y[IL1B] + f.get("w_IL6") * y[IL6];
        double ks = f.get("K_S");
        d[S] = f.get("k_S_up") * signal * signal / (ks * ks + signal * signal) * (1 - y[S]) - f.get("k_S_down") * y[S];
        d[GC] = -f.get("k_GC") * y[GC];
        d[DRUG] = -f.get("k_Drug") * y[DRUG];
        d[EXERCISE] = 0;
        d[MICROGLIA_BLOCK] = 0;
    }
}
