package org.painlab.mechanism.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.painlab.core.analysis.AnalysisResult;
import org.painlab.mechanism.ModelLibrary;
import org.painlab.mechanism.model.Model;

/**
 * Times the Sobol analysis a user runs ({@code painlab mech sensitivity --method sobol}) on the
 * neuroinflammation model over 180 days, output {@code pain:max}, on 2 worker threads: 10,000 base samples
 * by default ({@code -Dpainlab.bench.sobol.samples}), the parameters of {@code -Dpainlab.bench.sobol.parameters}
 * (default four). Prints the wall time and the load average. Not run by default (tag "bench").
 */
@Tag("bench")
class SobolTimingBenchTest {
    @Test
    void sobolOnTheNeuroinflammationModel() throws Exception {
        int samples = Integer.getInteger("painlab.bench.sobol.samples", 10_000);
        String parameters = System.getProperty("painlab.bench.sobol.parameters", "k_heal,k_M_act,k_S_up,gain_S");
        Model model = new ModelLibrary().open("neuroinflammation-sensitization");
        Map<String, String> p = Map.of(SensitivityAnalysis.METHOD, "sobol", SensitivityAnalysis.OUTPUT, "pain:max",
                SensitivityAnalysis.PARAMETERS, parameters, SensitivityAnalysis.SAMPLES, Integer.toString(samples),
                SensitivityAnalysis.DURATION, "180", SensitivityAnalysis.STEPS, "180", SensitivityAnalysis.BOOTSTRAP, "100");
        String before = load();
        long t0 = System.nanoTime();
        double cpu0 = cpuSeconds();
        AnalysisResult r = SensitivityAnalysis.compute(model, p, 2, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuSeconds() - cpu0;
        int k = parameters.split(",").length;
        int simulations = samples * (k + 2);
        // on a shared machine the process gets less than its 2 cores: the CPU time tells the cost
        System.out.printf("bench: sobol N=%d k=%d simulations=%d: %.1f s wall on 2 threads, %.1f s CPU (%.2f ms CPU per simulation); load %s -> %s%n",
                samples, k, simulations, seconds, cpu, cpu * 1000 / simulations, before, load());
        List<?> indices = (List<?>) r.body().get(SensitivityAnalysis.PARAMETERS);
        assertEquals(k, indices.size(), "one set of indices per parameter");
        assertEquals(samples * (k + 2), ((Number) r.body().get("evaluations")).intValue());
        System.out.println("bench: " + indices);
        assertTrue(seconds > 0);
    }

    private static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
