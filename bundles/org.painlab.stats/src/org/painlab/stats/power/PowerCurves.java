package org.painlab.stats.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Power curves (power against n1 = from, from + step, ..., &le; to) for every method of this
 * package, so that a UI can plot them. Group 2 follows the design's allocation.
 *
 * @since 0.1
 */
public final class PowerCurves {

    /** Guard against accidental huge requests from a UI. */
    public static final int MAX_POINTS = 10_000;
    /** Method id of simulated Mann-Whitney curves. */
    public static final String MANN_WHITNEY_ID = "mann_whitney_sim";

    private PowerCurves() {
    }

    /** Two proportions; exact points use {@code options} (which test, two-sided rule). */
    public static PowerCurve twoProportions(TwoProportionDesign design, TwoProportionMethod method,
            ExactOptions options, int from, int to, int step) {
        Objects.requireNonNull(design, "design");
        List<PowerPoint> points = new ArrayList<>();
        for (int n1 : grid(from, to, step)) {
            int n2 = design.n2For(n1);
            points.add(new PowerPoint(n1, n2, TwoProportionPower.power(design, method, options, n1, n2), 0));
        }
        return new PowerCurve(method.id(), points);
    }

    /** Means: n1 is n per group (two-sample, n2 = n1) or pairs / subjects (n2 = 0). */
    public static PowerCurve means(MeansDesign design, MeansMethod method, int from, int to, int step) {
        Objects.requireNonNull(design, "design");
        boolean twoGroups = design.type() == MeanTestType.TWO_SAMPLE;
        List<PowerPoint> points = new ArrayList<>();
        for (int n : grid(from, to, step)) {
            points.add(new PowerPoint(n, twoGroups ? n : 0, MeansPower.power(design, method, n), 0));
        }
        return new PowerCurve(method.id(), points);
    }

    /**
     * Mann-Whitney by simulation; n2 = ceil(ratio * n1). Each point gets its own stream split
     * from one {@link SplittableRandom}(seed), so the curve is reproducible and points are
     * independent.
     */
    public static PowerCurve mannWhitney(MannWhitneyDesign design, double ratio, int from, int to, int step,
            int simulations, long seed) {
        Objects.requireNonNull(design, "design");
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw new IllegalArgumentException("ratio must be finite and > 0: " + ratio);
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<PowerPoint> points = new ArrayList<>();
        for (int n1 : grid(from, to, step)) {
            int n2 = Math.max(1, Checks.ceilGuarded(ratio * n1));
            SimulatedPower sp = MannWhitneyPower.simulate(design, n1, n2, simulations, root.split());
            points.add(new PowerPoint(n1, n2, sp.power(), sp.standardError()));
        }
        return new PowerCurve(MANN_WHITNEY_ID, points);
    }

    private static List<Integer> grid(int from, int to, int step) {
        if (from < 1 || to < from || step < 1) {
            throw new IllegalArgumentException("need 1 <= from <= to and step >= 1: " + from + ", " + to + ", " + step);
        }
        long count = ((long) to - from) / step + 1;
        if (count > MAX_POINTS) {
            throw new IllegalArgumentException("too many points: " + count + " > " + MAX_POINTS);
        }
        List<Integer> ns = new ArrayList<>((int) count);
        for (long n = from; n <= to; n += step) {
            ns.add((int) n);
        }
        return ns;
    }
}
