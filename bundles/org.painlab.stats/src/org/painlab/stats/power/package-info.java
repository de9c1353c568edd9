/**
 * Sample size and power for the statistics engine of PainLab Workbench (headless, no UI types).
 *
 * <ul>
 * <li>{@link org.painlab.stats.power.TwoProportionPower}: two independent proportions by the
 * normal approximations {@code pooled}, {@code unpooled}, {@code cc} (Fleiss continuity
 * correction), {@code arcsine} and by {@code exact} binomial enumeration (Fisher's exact test or
 * the unconditional pooled Z test).</li>
 * <li>{@link org.painlab.stats.power.MeansPower}: means by the {@code normal} closed form and the
 * noncentral {@code t} method of R's {@code power.t.test} (two-sample, paired, one-sample).</li>
 * <li>{@link org.painlab.stats.power.MannWhitneyPower}: Mann-Whitney (Wilcoxon rank-sum) power by
 * seeded simulation, with its Monte Carlo standard error.</li>
 * <li>{@link org.painlab.stats.power.PowerCurves}: power as a function of n, for plotting.</li>
 * </ul>
 *
 * <p>All classes are immutable or stateless; nothing here keeps static mutable state, so every
 * call is safe from any thread.
 */
package org.painlab.stats.power;
