package org.painlab.imaging.dl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.TrainingSettings;

/**
 * Training throughput of the 3D CNN in DJL against the same network in PyTorch for Python (Debian's
 * python3-torch) on the same volumes, alternating in one run. Not run by default (surefire excludes the
 * "bench" tag); releng/bench/cnn-vs-pytorch.sh runs it. Sizes come from environment variables BENCH_VOLUMES
 * (400), BENCH_SIZE (32), BENCH_EPOCHS (6), BENCH_RUNS (2), BENCH_THREADS (cores), BENCH_PYTHON.
 */
@Tag("bench")
class CnnBenchTest {
    private static final long SEED = 11;

    @Test
    void djlTrainsAtLeastNineTenthsAsFastAsPyTorch() throws Exception {
        int n = env("BENCH_VOLUMES", 400);
        int size = env("BENCH_SIZE", 32);
        int epochs = env("BENCH_EPOCHS", 6);
        int runs = env("BENCH_RUNS", 2);
        int threads = env("BENCH_THREADS", Runtime.getRuntime().availableProcessors());
        int batch = 16;
        String rate = "0.003";
        // before the engine loads: libtorch reads its intra-op thread count once
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");

        List<Case> cases = SyntheticVolumes.cases(n, size, SEED);
        Path folder = Files.createDirectories(Path.of(System.getProperty("painlab.dl.bench")));
        writeVolumes(cases, size, folder);
        Path script = Path.of(System.getProperty("painlab.root"), "releng/bench/cnn_pytorch.py");
        String python = System.getenv().getOrDefault("BENCH_PYTHON", "/usr/bin/python3");

        Map<String, String> parameters = Map.of("epochs", Integer.toString(epochs), "batchSize",
                Integer.toString(batch), "inputSize", Integer.toString(size), "learningRate", rate);
        List<Double> djl = new ArrayList<>();
        List<Double> torch = new ArrayList<>();
        double djlAccuracy = 0;
        double torchAccuracy = 0;
        for (int r = 1; r <= runs; r++) {
            int run = r;
            long[] last = {System.nanoTime()};
            double[] accuracy = {0};
            List<Double> seconds = new ArrayList<>();
            new CnnClassifier().train(cases, new TrainingSettings(SEED + run, parameters), (step, steps, loss, acc) -> {
                long now = System.nanoTime();
                seconds.add((now - last[0]) / 1e9);
                last[0] = now;
                accuracy[0] = acc;
                System.out.printf("bench: run %d DJL     epoch %d %.2f s %.1f volumes/s loss %.4f accuracy %.3f%n",
                        run, step, seconds.getLast(), n / seconds.getLast(), loss, acc);
            }, new NullProgressMonitor());
            djl.addAll(seconds.subList(1, seconds.size()));
            djlAccuracy = accuracy[0];

            Process p = new ProcessBuilder(python, script.toString(), folder.toString(), Integer.toString(n),
                    Integer.toString(size), Integer.toString(epochs), Integer.toString(batch), rate,
                    Integer.toString(threads), Long.toString(SEED + run)).redirectErrorStream(true).start();
            List<Double> pySeconds = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    String[] f = line.trim().split("\\s+");
                    if (f[0].equals("epoch") && f.length == 5) {
                        double s = Double.parseDouble(f[2]);
                        pySeconds.add(s);
                        torchAccuracy = Double.parseDouble(f[4]);
                        System.out.printf("bench: run %d PyTorch epoch %s %.2f s %.1f volumes/s loss %s accuracy %s%n",
                                run, f[1], s, n / s, f[3], f[4]);
                    } else {
                        System.out.println("bench: python: " + line);
                    }
                }
            }
            assertEquals(0, p.waitFor(), "python exit code (is python3-torch installed?)");
            assertEquals(epochs, pySeconds.size(), "PyTorch epochs reported");
            torch.addAll(pySeconds.subList(1, pySeconds.size()));
        }
        double djlRate = n / median(djl);
        double torchRate = n / median(torch);
        System.out.printf("bench: %d volumes of %d^3, batch %d, %d threads, %d runs x %d epochs (first epoch of"
                + " each run left out)%n", n, size, batch, threads, runs, epochs);
        System.out.printf("bench: median throughput DJL %.1f volumes/s, PyTorch %.1f volumes/s, ratio DJL/PyTorch"
                + " %.2f (goal >= 0.90)%n", djlRate, torchRate, djlRate / torchRate);
        // both must really have trained the same task, or the times compare nothing
        assertTrue(djlAccuracy >= 0.9, "DJL training accuracy in the last epoch " + djlAccuracy);
        assertTrue(torchAccuracy >= 0.9, "PyTorch training accuracy in the last epoch " + torchAccuracy);
    }

    /** Resampled, normalised cubes as the CNN sees them, float32 little-endian, and labels as bytes. */
    private static void writeVolumes(List<Case> cases, int size, Path folder) throws IOException {
        VolumeSampler sampler = new VolumeSampler(size);
        int voxels = size * size * size;
        try (FileChannel out = FileChannel.open(folder.resolve("volumes.f32"), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(voxels * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (Case c : cases) {
                buffer.clear();
                buffer.asFloatBuffer().put(sampler.sample(c.volume().get(), null));
                buffer.limit(voxels * 4);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        }
        byte[] labels = new byte[cases.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) cases.get(i).label();
        }
        Files.write(folder.resolve("labels.u8"), labels);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int m = sorted.size();
        return m % 2 == 1 ? sorted.get(m / 2) : (sorted.get(m / 2 - 1) + sorted.get(m / 2)) / 2;
    }

    private static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
