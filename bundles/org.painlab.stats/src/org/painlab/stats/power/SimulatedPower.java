package org.painlab.stats.power;

/**
 * Power estimated by simulation, with its Monte Carlo standard error.
 *
 * @param n1            group-1 size
 * @param n2            group-2 size
 * @param simulations   number of simulated trials
 * @param rejections    trials whose test rejected H0
 * @param power         rejections / simulations
 * @param standardError Monte Carlo standard error sqrt(power (1 - power) / simulations)
 *
 * @since 0.1
 */
public record SimulatedPower(int n1, int n2, int simulations, int rejections, double power,
        double standardError) {

    /** Builds the estimate from counts. */
    static SimulatedPower of(int n1, int n2, int simulations, int rejections) {
        double p = (double) rejections / simulations;
        return new SimulatedPower(n1, n2, simulations, rejections, p, Math.sqrt(p * (1 - p) / simulations));
    }
}
