package org.painlab.stats.power;

/**
 * One point of a power curve.
 *
 * @param n1            group-1 size (or pairs / subjects for one-group designs)
 * @param n2            group-2 size; 0 for paired and one-sample designs
 * @param power         power at these sizes
 * @param standardError Monte Carlo standard error for simulated power; 0 for computed power
 *
 * @since 0.1
 */
public record PowerPoint(int n1, int n2, double power, double standardError) {

    /** Subjects in all (pairs count once). */
    public int nTotal() {
        return n1 + n2;
    }
}
