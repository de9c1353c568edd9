package org.painlab.mechanism.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/** {@code painlab mech fit} against the demo trial's VAS courses (stored, listed, re-checked) and a CSV file; {@code mech steady}. */
class MechFitCliTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void fitsTheDemoTrialsVasCoursesAndStoresTheFitInTheStudy() {
        Path dir = tmp.resolve("demo");
        Painlab.Result created = Painlab.run("study", "create", dir.toString(), "--demo", "snrb-peld");
        assertEquals(0, created.exitCode(), created.err());
        // the demo's day 0 is the surgery (injury), the SNRB the day before
        long t0 = System.nanoTime();
        Painlab.Result r = Painlab.run("mech", "fit", "neuroinflammation-sensitization", "--study", dir.toString(), "--fit", "injury_size,K_pain",
                "--set", "injury_time=0", "--start", "-2", "--arm", "S=glucocorticoid_snrb@-1", "--arm", "P=none", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> j = r.json();
        // for docs/mechanism.md: what the fit gives on the demo and how long it takes here
        System.out.printf("demo fit: %.1f s; converged %s; objective %s; parameters %s%n", (System.nanoTime() - t0) / 1e9, j.get("converged"),
                j.get("objective"), j.get("parameters"));
        assertEquals("neuroinflammation-sensitization", j.get("model"));
        assertEquals("pain", j.get("observable"));
        assertEquals("levenberg-marquardt", j.get("method"));
        assertTrue(j.get("converged") instanceof Boolean);
        Map<String, Object> objective = (Map<String, Object>) j.get("objective");
        assertEquals(6, objective.get("n"), "two arms x days 0, 3, 90");
        assertEquals(true, objective.get("weighted"), "SD/sqrt(n) of each arm's mean");
        assertTrue(((Number) objective.get("sse")).doubleValue() < ((Number) objective.get("initial_sse")).doubleValue(), objective.toString());
        List<Map<String, Object>> ps = (List<Map<String, Object>>) j.get("parameters");
        assertEquals(List.of("injury_size", "K_pain", "injury_time"), ps.stream().map(p -> p.get("id")).toList());
        assertEquals(true, ps.get(2).get("fixed"));
        List<Map<String, Object>> series = (List<Map<String, Object>>) j.get("series");
        assertEquals(List.of("S", "P"), series.stream().map(s -> s.get("arm")).toList());
        assertEquals(List.of(0.0, 3.0, 90.0), ((List<Number>) series.get(0).get("t")).stream().map(Number::doubleValue).toList());
        for (Map<String, Object> s : series) {
            List<Number> obs = (List<Number>) s.get("observed"), pred = (List<Number>) s.get("predicted"), res = (List<Number>) s.get("residuals");
            for (int i = 0; i < obs.size(); i++) {
                assertEquals(obs.get(i).doubleValue() - pred.get(i).doubleValue(), res.get(i).doubleValue(), 1e-9);
            }
            assertEquals(3, ((List<?>) s.get("n")).size());
            assertTrue(((List<?>) s.get("fitted")).size() >= 200);
        }
        Painlab.Result results = Painlab.run("study", "results", dir.toString(), "--json");
        assertEquals(0, results.exitCode(), results.err());
        List<Map<String, Object>> stored = (List<Map<String, Object>>) results.json().get("results");
        Map<String, Object> fit = stored.stream().filter(x -> "org.painlab.mechanism.fit".equals(x.get("analysis"))).findFirst().orElseThrow();
        assertEquals(String.valueOf(j.get("result_id")), String.valueOf(fit.get("id")));
        Map<String, Object> params = (Map<String, Object>) fit.get("parameters");
        assertEquals("injury_size,K_pain", params.get("fit"));
        assertEquals("S=glucocorticoid_snrb@-1;P=none", params.get("arms"));
        // the stored fit is re-run from its parameters and the study's data, and reproduces
        Painlab.Result check = Painlab.run("study", "results", dir.toString(), "--check", String.valueOf(fit.get("id")));
        assertEquals(0, check.exitCode(), check.out() + check.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void fitsACsvFileWithoutAStudy() throws Exception {
        Path csv = tmp.resolve("decay.csv");
        StringBuilder b = new StringBuilder("time,value\n");
        for (int t = 0; t <= 10; t++) {
            b.append(t).append(',').append(10 * Math.exp(-0.35 * t)).append('\n');
        }
        Files.writeString(csv, b.toString());
        Painlab.Result r = Painlab.run("mech", "fit", "test-decay", "--data", csv.toString(), "--fit", "k", "--observable", "A", "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> ps = (List<Map<String, Object>>) r.json().get("parameters");
        assertEquals(0.35, ((Number) ps.get(0).get("estimate")).doubleValue(), 1e-5);
        assertFalse(r.json().containsKey("result_id"), "nothing stored without a study");
        Painlab.Result text = Painlab.run("mech", "fit", "test-decay", "--data", csv.toString(), "--fit", "k", "--observable", "A");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Parameter | estimate | SE"), text.out());
    }

    @Test
    void badInputIsExitOneNamingFileLineAndField() throws Exception {
        Path csv = tmp.resolve("obs.csv");
        Files.writeString(csv, "time,value,sd\n0,6.1,1\n3,high,1\n");
        Painlab.Result r = Painlab.run("mech", "fit", "test-decay", "--data", csv.toString(), "--fit", "k", "--observable", "A");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("obs.csv line 3, field 'value'"), r.err());
        Files.writeString(csv, "time,value\n0,6\n3,4\n");
        r = Painlab.run("mech", "fit", "test-decay", "--data", csv.toString(), "--fit", "kk", "--observable", "A");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("'kk'"), r.err());
        r = Painlab.run("mech", "fit", "test-decay", "--data", csv.toString(), "--fit", "k", "--observable", "B");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("observable 'B'"), r.err());
        r = Painlab.run("mech", "fit", "test-decay", "--data", tmp.resolve("missing.csv").toString(), "--fit", "k");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("missing.csv"), r.err());
        r = Painlab.run("mech", "fit", "test-decay", "--fit", "k");
        assertTrue(r.exitCode() != 0, "a study or a data file is required");
    }

    @Test
    @SuppressWarnings("unchecked")
    void steadyStatesOfReynoldsHealthyAndSeptic() {
        Painlab.Result septic = Painlab.run("mech", "steady", "reynolds2006-inflammation", "--set", "k_pg=0.6", "--method", "integrate", "--json");
        assertEquals(0, septic.exitCode(), septic.err());
        List<Map<String, Object>> states = (List<Map<String, Object>>) septic.json().get("states");
        double p = ((Number) states.stream().filter(s -> "Pth".equals(s.get("id"))).findFirst().orElseThrow().get("value")).doubleValue();
        assertEquals(4.9, p, 0.05);
        assertEquals("stable", septic.json().get("stability"));
        assertEquals(4, ((List<?>) septic.json().get("eigenvalues")).size());
        Painlab.Result healthy = Painlab.run("mech", "steady", "reynolds2006-inflammation", "--set", "k_pg=0.3", "--method", "integrate", "--json");
        assertEquals(0, healthy.exitCode(), healthy.err());
        states = (List<Map<String, Object>>) healthy.json().get("states");
        assertEquals(0, ((Number) states.get(0).get("value")).doubleValue(), 1e-8);
        Painlab.Result bad = Painlab.run("mech", "steady", "reynolds2006-inflammation", "--method", "bisect");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("bisect"), bad.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void runWithStudyIsStoredAndADosingScheduleGivesEveryDose() throws Exception {
        Path dir = tmp.resolve("study");
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        Path out = tmp.resolve("run.csv");
        Painlab.Result r = Painlab.run("mech", "run", "test-decay", "--set", "k=0.5", "--intervention", "dose_event@1+2*3", "--duration", "6",
                "--steps", "6", "--out", out.toString(), "--study", dir.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        double a6 = Double.parseDouble(lines.get(7).split(",")[1]);
        double expected = 10 * Math.exp(-3) + 5 * (Math.exp(-2.5) + Math.exp(-1.5) + Math.exp(-0.5));
        assertEquals(expected, a6, 1e-6, "doses at 1, 3 and 5");
        Painlab.Result results = Painlab.run("study", "results", dir.toString(), "--json");
        List<Map<String, Object>> stored = (List<Map<String, Object>>) results.json().get("results");
        assertEquals(1, stored.size());
        assertEquals("org.painlab.mechanism.run", stored.get(0).get("analysis"));
        assertEquals(String.valueOf(r.json().get("result_id")), String.valueOf(stored.get(0).get("id")));
        Map<String, Object> params = (Map<String, Object>) stored.get(0).get("parameters");
        assertEquals("dose_event@1+2*3", params.get("interventions"));
        assertEquals("k=0.5", params.get("set"));
        Painlab.Result check = Painlab.run("study", "results", dir.toString(), "--check", String.valueOf(stored.get(0).get("id")));
        assertEquals(0, check.exitCode(), check.out() + check.err());
        Painlab.Result plain = Painlab.run("mech", "run", "test-decay", "--out", tmp.resolve("plain.csv").toString(), "--json");
        assertEquals(0, plain.exitCode(), plain.err());
        assertFalse(plain.json().containsKey("result_id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void steadyWithStudyIsStoredWithProvenanceAndReproduces() throws Exception {
        Path dir = tmp.resolve("steady");
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        Painlab.Result r = Painlab.run("mech", "steady", "reynolds2006-inflammation", "--set", "k_pg=0.6", "--method", "integrate",
                "--study", dir.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("stable", r.json().get("stability"));
        Painlab.Result results = Painlab.run("study", "results", dir.toString(), "--json");
        List<Map<String, Object>> stored = (List<Map<String, Object>>) results.json().get("results");
        assertEquals(1, stored.size());
        assertEquals("org.painlab.mechanism.steady", stored.get(0).get("analysis"));
        assertEquals(String.valueOf(r.json().get("result_id")), String.valueOf(stored.get(0).get("id")));
        Map<String, Object> params = (Map<String, Object>) stored.get(0).get("parameters");
        assertEquals("k_pg=0.6", params.get("set"));
        assertEquals("integrate", params.get("method"));
        Painlab.Result check = Painlab.run("study", "results", dir.toString(), "--check", String.valueOf(stored.get(0).get("id")));
        assertEquals(0, check.exitCode(), check.out() + check.err());
        Painlab.Result text = Painlab.run("mech", "steady", "reynolds2006-inflammation", "--set", "k_pg=0.6", "--method", "integrate",
                "--study", dir.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("stored as result "), text.out());
        Painlab.Result badGuess = Painlab.run("mech", "steady", "reynolds2006-inflammation", "--guess", "Pth");
        assertEquals(1, badGuess.exitCode());
        assertTrue(badGuess.err().contains("--guess 'Pth': expected STATE=NUMBER"), badGuess.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void multiStartFitReportsEveryStartAndIsSeeded() throws Exception {
        Path csv = tmp.resolve("decay.csv");
        StringBuilder b = new StringBuilder("time,value\n");
        for (int t = 0; t <= 10; t++) {
            b.append(t).append(',').append(10 * Math.exp(-0.35 * t)).append('\n');
        }
        Files.writeString(csv, b.toString());
        Painlab.Result r = Painlab.run("mech", "fit", "test-decay", "--data", csv.toString(), "--fit", "k", "--observable", "A",
                "--bounds", "k=0.01:2", "--starts", "4", "--seed", "3", "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> starts = (List<Map<String, Object>>) r.json().get("starts");
        assertEquals(4, starts.size());
        List<Map<String, Object>> ps = (List<Map<String, Object>>) r.json().get("parameters");
        assertEquals(0.35, ((Number) ps.get(0).get("estimate")).doubleValue(), 1e-5);
        assertTrue(String.valueOf(r.json().get("message")).startsWith("best of 4 starts"), String.valueOf(r.json().get("message")));
        Painlab.Result again = Painlab.run("mech", "fit", "test-decay", "--data", csv.toString(), "--fit", "k", "--observable", "A",
                "--bounds", "k=0.01:2", "--starts", "4", "--seed", "3", "--json");
        assertEquals(starts, again.json().get("starts"), "the same seed, the same starts");
        Painlab.Result bad = Painlab.run("mech", "fit", "test-decay", "--data", csv.toString(), "--fit", "k", "--observable", "A",
                "--starts", "0");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("'starts'"), bad.err());
    }
}
