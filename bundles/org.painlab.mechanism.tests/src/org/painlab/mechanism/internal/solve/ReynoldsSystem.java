package org.painlab.mechanism.internal.solve;

import org.painlab.mechanism.solve.OdeSystem;

/** Reynolds et al. 2006 (J Theor Biol 242:220), equations (1)-(4), coded from the paper; values from the model file. */
final class ReynoldsSystem implements OdeSystem {
    static final int P = 0;
    static final int N = 1;
    static final int D = 2;
    static final int CA = 3;

    private final double kpg;
    private final double pInf;
    private final double kpm;
    private final double sm;
    private final double mum;
    private final double kmp;
    private final double kpn;
    private final double knp;
    private final double knn;
    private final double knd;
    private final double snr;
    private final double munr;
    private final double mun;
    private final double kdn;
    private final double xdn;
    private final double mud;
    private final double cinf;
    private final double sc;
    private final double kcn;
    private final double kcnd;
    private final double muc;

    ReynoldsSystem(BuiltInModelFile file, double growthRate) {
        kpg = growthRate;
        pInf = file.get("P_inf");
        kpm = file.get("k_pm");
        sm = file.get("s_m");
        mum = file.get("mu_m");
        kmp = file.get("k_mp");
        kpn = file.get("k_pn");
        knp = file.get("k_np");
        knn = file.get("k_nn");
        knd = file.get("k_nd");
        snr = file.get("s_nr");
        munr = file.get("mu_nr");
        mun = file.get("mu_n");
        kdn = file.get("k_dn");
        xdn = file.get("x_dn");
        mud = file.get("mu_d");
        cinf = file.get("c_inf");
        sc = file.get("s_c");
        kcn = file.get("k_cn");
        kcnd = file.get("k_cnd");
        muc = file.get("mu_c");
    }

    @Override
    public int dimension() {
        return 4;
    }

    private double f(double v, double ca) {
        double r = ca / cinf;
        return v / (1 + r * r);
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        double p = y[P];
        double n = y[N];
        double d = y[D];
        double ca = y[CA];
        double r = f(knn * n + knp * p + knd * d, ca);
        double fn = f(n, ca);
        double fn6 = Math.pow(fn, 6);
        double fc = f(n + kcnd * d, ca);
        dydt[P] = kpg * p * (1 - p / pInf) - kpm * sm * p / (mum + kmp * p) - kpn * fn * p;
        dydt[N] = snr * r / (munr + r) - mun * n;
        dydt[D] = kdn * fn6 / (Math.pow(xdn, 6) + fn6) - mud * d;
        dydt[CA] = sc + kcn * fc / (1 + fc) - muc * ca;
    }
}
