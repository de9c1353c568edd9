package org.painlab.imaging.dl.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.painlab.imaging.Volume;
import org.painlab.imaging.classify.Case;

/**
 * Two classes of small noisy volumes a 3D CNN can tell apart and a mean-intensity rule cannot (each volume
 * has its own gain and offset, as ultrasound has): class 0 has a fibre pattern (parallel bright bands along
 * x, like healthy muscle), class 1 has a few bright blobs on speckle (like patchy fatty infiltration).
 */
final class SyntheticVolumes {
    private SyntheticVolumes() {
    }

    /** {@code count} cases of edge {@code size}, labels alternating 0, 1, 0, ... */
    static List<Case> cases(int count, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int label = i % 2;
            Volume v = volume(label, size, random.split());
            cases.add(new Case("v" + seed + "-" + i, "p" + i / 2, label, Map.of(), () -> v, () -> null));
        }
        return cases;
    }

    static Volume volume(int label, int size, SplittableRandom r) {
        double gain = 0.5 + r.nextDouble() * 1.5;
        double offset = r.nextDouble() * 50;
        float[] data = new float[size * size * size];
        double period = 3.5 + r.nextDouble() * 2;
        double phase = r.nextDouble() * 2 * Math.PI;
        int blobs = 3 + r.nextInt(3);
        double[][] centres = new double[blobs][3];
        for (double[] c : centres) {
            for (int a = 0; a < 3; a++) {
                c[a] = r.nextDouble() * size;
            }
        }
        double radius = size / 8.0;
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double signal;
                    if (label == 0) {
                        signal = Math.sin(2 * Math.PI * y / period + phase);
                    } else {
                        signal = 0;
                        for (double[] c : centres) {
                            double d2 = sq(x - c[0]) + sq(y - c[1]) + sq(z - c[2]);
                            signal += 2.5 * Math.exp(-d2 / (2 * radius * radius));
                        }
                    }
                    double speckle = gaussian(r);
                    data[x + size * (y + size * z)] = (float) (offset + gain * (10 + 4 * signal + 3 * speckle));
                }
            }
        }
        return Volume.builder(size, size, size).data(data).build();
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
