package org.painlab.mechanism.ui.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.ui.internal.model.SliderScale;
import org.painlab.mechanism.ui.internal.views.ParameterSlidersView;

/** Moving a slider simulates the model again off the UI thread, the last move wins, Reset returns to the model. */
class ParameterSlidersTest {
    @TempDir
    Path tmp;

    private static double[] column(TimeCourse tc, String id) {
        int j = tc.column(id);
        double[] y = new double[tc.times().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = tc.values()[i][j];
        }
        return y;
    }

    private static double max(double[] y) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static void await(ParameterSlidersView v, Map<String, Double> expected) throws InterruptedException {
        MechanismFixture.processUntil(() -> v.course() != null && v.plottedValues().equals(expected)
                && org.eclipse.core.runtime.jobs.Job.getJobManager().find(ParameterSlidersView.JOB_FAMILY).length == 0, 60_000);
    }

    @Test
    void movingASliderReplotsAndResetReturnsToTheModel() throws Exception {
        IWorkbenchPage page = MechanismFixture.mechanism();
        MechanismFixture.select(page, MechanismFixture.NEURO);
        ParameterSlidersView v = (ParameterSlidersView) page.showView(ParameterSlidersView.ID);
        await(v, Map.of());
        assertNotNull(v.course(), v.status());
        assertEquals(List.of("pain"), v.course().columns(), "pain is plotted first");
        assertTrue(v.sliderIds().contains("injury_size") && !v.sliderIds().contains("pain"), "constant parameters only");
        double[] nominal = column(v.course(), "pain");
        assertEquals(Simulated.STEPS + 1, nominal.length);
        assertEquals(180, v.course().times()[v.course().times().length - 1], 0, "half a year for a model in days");

        long t0 = System.nanoTime();
        v.setSlider("injury_size", 3.0);
        assertEquals(3.0, v.values().get("injury_size"), 3.0 * 0.01, "log slider lands within 1% of the value");
        double set = v.values().get("injury_size");
        await(v, Map.of("injury_size", set));
        double[] bigger = column(v.course(), "pain");
        // what a user waits from letting go of the slider to the new plot (debounce included), for the report
        System.out.printf("slider move to re-plot: %.0f ms wall (%s)%n", (System.nanoTime() - t0) / 1e6, v.status());
        assertTrue(max(bigger) > max(nominal) + 0.1, "a larger injury hurts more: " + max(bigger) + " vs " + max(nominal));
        assertEquals(1, v.chart().series().size());
        assertTrue(v.chart().series().get(0).y()[100] == bigger[100], "the chart draws the new course");

        // quick moves: only the last position is plotted (earlier runs are cancelled or ignored)
        v.setSlider("injury_size", 0.2);
        v.setSlider("injury_size", 0.5);
        v.setSlider("k_heal", 0.05);
        Map<String, Double> last = v.values();
        assertEquals(2, last.size());
        await(v, last);
        assertEquals(last, v.plottedValues());

        v.plot(List.of("pain", "M", "TNF"));
        await(v, last);
        MechanismFixture.processUntil(() -> v.course().columns().size() == 3, 30_000);
        assertEquals(List.of("M", "TNF", "pain"), v.course().columns().stream().sorted().toList());
        assertEquals(3, v.chart().legend().size());
        page.activate(v);
        MechanismFixture.screenshot("mechanism-sliders.png");

        v.plot(List.of("pain"));
        v.reset();
        assertTrue(v.values().isEmpty());
        await(v, Map.of());
        MechanismFixture.processUntil(() -> v.course().columns().size() == 1, 30_000);
        assertArrayEquals(nominal, column(v.course(), "pain"), 0.0, "reset gives the model's own course again");
        assertEquals(SliderScale.STEPS / 2, v.slider("injury_size").getSelection(), "slider back in the middle");

        Path png = tmp.resolve("course.png");
        Path svg = tmp.resolve("course.svg");
        Path csv = tmp.resolve("course.csv");
        v.savePlot(png);
        v.savePlot(svg);
        v.saveData(csv);
        byte[] head = Files.readAllBytes(png);
        assertTrue(head.length > 1000 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G');
        assertTrue(Files.readString(svg).contains("<svg") && Files.readString(svg).contains("pain"));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("time,pain", lines.get(0));
        assertEquals(Simulated.STEPS + 2, lines.size());
    }

    /** The number of output intervals a plot asks for. */
    private static final class Simulated {
        static final int STEPS = 400;
    }
}
