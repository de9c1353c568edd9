package org.painlab.imaging.features;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;

import org.painlab.imaging.Volume;

/**
 * IBSI feature extraction speed on 64^3 volumes: a speckled image (smoothed noise with a
 * brightness gradient) under a lumpy blob mask covering about 30 % of the grid, every family,
 * GLCM/GLRLM 3D averaged and merged, fixed bin number 32. Plain Java (no OSGi, no JUnit) so
 * releng/bench/ibsi-speed.sh can compile and run it straight from the sources; also run by
 * {@code IbsiSpeedBenchTest} under the "bench" tag. Arguments: warm-up volumes, measured volumes,
 * and "previous" to time the frozen extractor from before the speed work instead.
 */
public final class IbsiSpeedBench {
    /** Grid edge. */
    public static final int N = 64;

    private IbsiSpeedBench() {
    }

    /** A deterministic speckle-like 64^3 image for {@code seed}. */
    public static Volume image(long seed) {
        Random r = new Random(seed);
        double[] noise = new double[N * N * N];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = r.nextGaussian();
        }
        // 3x3x3 box smoothing gives speckle-sized grains; the gradient mimics depth attenuation
        double[] v = new double[noise.length];
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    double s = 0;
                    int c = 0;
                    for (int dz = -1; dz <= 1; dz++) {
                        for (int dy = -1; dy <= 1; dy++) {
                            for (int dx = -1; dx <= 1; dx++) {
                                int xx = x + dx;
                                int yy = y + dy;
                                int zz = z + dz;
                                if (xx >= 0 && yy >= 0 && zz >= 0 && xx < N && yy < N && zz < N) {
                                    s += noise[xx + N * (yy + N * zz)];
                                    c++;
                                }
                            }
                        }
                    }
                    v[x + N * (y + N * z)] = 100 + 20 * s / Math.sqrt(c) - 0.5 * z + 3 * Math.abs(r.nextGaussian());
                }
            }
        }
        return Volume.builder(N, N, N).spacing(0.5, 0.5, 0.5).data(v).build();
    }

    /** A lumpy blob (a sphere of radius ~26.5 voxels with a wavy surface) covering about 30 % of the grid. */
    public static Volume mask(long seed) {
        Random r = new Random(seed);
        double a1 = 0.10 + 0.05 * r.nextDouble();
        double a2 = 0.05 + 0.05 * r.nextDouble();
        double p1 = 2 * Math.PI * r.nextDouble();
        double p2 = 2 * Math.PI * r.nextDouble();
        double[] m = new double[N * N * N];
        double c = (N - 1) / 2.0;
        for (int z = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    double dx = x - c;
                    double dy = y - c;
                    double dz = z - c;
                    double rho = Math.sqrt(dx * dx + dy * dy + dz * dz);
                    double theta = Math.atan2(dy, dx);
                    double phi = rho == 0 ? 0 : Math.acos(dz / rho);
                    double radius = 26.5 * (1 + a1 * Math.sin(3 * theta + p1) * Math.sin(phi) + a2 * Math.cos(4 * phi + p2));
                    m[x + N * (y + N * z)] = rho <= radius ? 1 : 0;
                }
            }
        }
        return Volume.builder(N, N, N).spacing(0.5, 0.5, 0.5).data(m).build();
    }

    /** The settings measured: 32 bins, both aggregations, Moran/Geary at their default limit. */
    public static FeatureSettings settings() {
        return FeatureSettings.defaults();
    }

    /** The extractor measured: today's, or the frozen one from before the speed work. */
    @FunctionalInterface
    public interface Extractor {
        FeatureSet extract(Volume image, Volume mask, FeatureSettings settings) throws Exception;
    }

    /**
     * Extracts {@code warmup} then {@code volumes} distinct volumes with today's extractor; prints one
     * "bench:" line and returns the mean process CPU seconds per measured volume.
     */
    public static double run(int warmup, int volumes) throws Exception {
        return run("FeatureExtractor", new FeatureExtractor()::extract, warmup, volumes);
    }

    /** As {@link #run(int, int)} with {@code extractor}, named {@code name} in the output. */
    public static double run(String name, Extractor extractor, int warmup, int volumes) throws Exception {
        return run(name, extractor, settings(), warmup, volumes);
    }

    /** As {@link #run(String, Extractor, int, int)} with other {@code settings} (e.g. every aggregation). */
    public static double run(String name, Extractor extractor, FeatureSettings settings, int warmup, int volumes) throws Exception {
        Volume[][] cases = new Volume[warmup + volumes][];
        for (int k = 0; k < cases.length; k++) {
            cases[k] = new Volume[] {image(1000 + k), mask(2000 + k)};
        }
        int features = 0;
        int voxels = 0;
        String skipped = "";
        for (int k = 0; k < warmup; k++) {
            extractor.extract(cases[k][0], cases[k][1], settings);
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        double minWall = Double.MAX_VALUE;
        for (int k = warmup; k < cases.length; k++) {
            long t0 = System.nanoTime();
            FeatureSet fs = extractor.extract(cases[k][0], cases[k][1], settings);
            minWall = Math.min(minWall, (System.nanoTime() - t0) / 1e9);
            features = fs.features().size();
            voxels += fs.roiVoxels();
            skipped = fs.skipped().keySet().toString();
        }
        double wall = (System.nanoTime() - wall0) / 1e9 / volumes;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9 / volumes;
        System.out.printf(Locale.ROOT, "bench: %s: IBSI %d^3, %d volumes after %d warm-up, ROI %.1f %% of the grid (%d voxels on average),"
                + " %d features (skipped %s), settings %s, %d cores: CPU %.3f s/volume, wall %.3f s/volume (best %.3f s)%n",
                name, N, volumes, warmup, 100.0 * voxels / volumes / (N * N * N), voxels / volumes, features, skipped,
                settings.describe(), Runtime.getRuntime().availableProcessors(), cpu, wall, minWall);
        return cpu;
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int volumes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        if (args.length > 2 && args[2].equals("previous")) {
            run("previous extractor (c9b323c)", new org.painlab.imaging.features.previous.PreviousExtractor()::extract, warmup, volumes);
        } else if (args.length > 2 && args[2].equals("all-aggregations")) {
            // the 3D, 2D and 2.5D texture aggregations together: what the slice-wise families add
            run("FeatureExtractor, every aggregation", new FeatureExtractor()::extract,
                    settings().withAggregations(java.util.EnumSet.allOf(TextureAggregation.class)), warmup, volumes);
        } else {
            run(warmup, volumes);
        }
    }
}
