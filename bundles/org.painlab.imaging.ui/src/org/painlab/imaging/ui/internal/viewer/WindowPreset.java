package org.painlab.imaging.ui.internal.viewer;

import java.util.List;

import org.painlab.imaging.Volume;

/**
 * Named window/level settings offered in the viewer. Ultrasound and MRI have no calibrated units as CT
 * has, so the presets follow the volume's own values: its full range, or a percentile window that keeps
 * a few bright speckles from making the muscle look dark.
 */
public enum WindowPreset {
    FULL("Full range", 0, 1), SOFT("Percentiles 1-99", 0.01, 0.99), CONTRAST("Percentiles 5-95", 0.05, 0.95),
    NARROW("Percentiles 25-75", 0.25, 0.75);

    private final String label;
    private final double low;
    private final double high;

    WindowPreset(String label, double low, double high) {
        this.label = label;
        this.low = low;
        this.high = high;
    }

    public String label() {
        return label;
    }

    public static List<String> labels() {
        return java.util.Arrays.stream(values()).map(WindowPreset::label).toList();
    }

    /** The window over this preset's percentiles of the volume's finite values (a sample of at most 200000). */
    public WindowLevel of(Volume v) {
        if (this == FULL) {
            return WindowLevel.fullRange(v);
        }
        int n = v.voxelCount();
        int stride = Math.max(1, n / 200_000);
        double[] sample = new double[(n + stride - 1) / stride];
        int k = 0;
        for (int i = 0; i < n; i += stride) {
            double value = v.value(i);
            if (!Double.isNaN(value) && !Double.isInfinite(value)) {
                sample[k++] = value;
            }
        }
        if (k == 0) {
            return WindowLevel.fullRange(v);
        }
        java.util.Arrays.sort(sample, 0, k);
        double a = sample[(int) Math.floor(low * (k - 1))];
        double b = sample[(int) Math.ceil(high * (k - 1))];
        return new WindowLevel(b - a, (a + b) / 2);
    }
}
