package org.painlab.mechanism.ui.internal.model;

/**
 * Where a parameter's slider can go: a positive value moves on a log scale from a tenth to ten times its
 * value (rate constants matter by factors); zero or negative values move linearly over a range around
 * them. Positions are 0..{@link #STEPS}, the value itself in the middle.
 *
 * @param nominal the model's value
 * @param low the value at position 0
 * @param high the value at position STEPS
 * @param log whether positions are spaced by factor rather than difference
 */
public record SliderScale(double nominal, double low, double high, boolean log) {
    /** Positions of a slider. */
    public static final int STEPS = 1000;
    /** Factor a log slider reaches either side of the value. */
    public static final double FACTOR = 10;

    /** The scale for a parameter starting at {@code value}. */
    public static SliderScale around(double value) {
        if (value > 0) {
            return new SliderScale(value, value / FACTOR, value * FACTOR, true);
        }
        if (value == 0) {
            return new SliderScale(0, -1, 1, false);
        }
        return new SliderScale(value, 2 * value, -2 * value, false);
    }

    /** The value at slider position {@code position}. */
    public double value(int position) {
        double u = Math.max(0, Math.min(STEPS, position)) / (double) STEPS;
        if (log) {
            return Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
        }
        return low + u * (high - low);
    }

    /** The slider position closest to {@code value}. */
    public int position(double value) {
        double u = log ? (Math.log(Math.max(value, Double.MIN_NORMAL)) - Math.log(low)) / (Math.log(high) - Math.log(low))
                : (value - low) / (high - low);
        return (int) Math.round(Math.max(0, Math.min(1, u)) * STEPS);
    }
}
