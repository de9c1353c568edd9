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

/** {@code painlab mech list|run|simulate} as a user runs them. */
class MechCliTest {
    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void listNamesModelsAndSolvers() {
        Painlab.Result r = Painlab.run("mech", "list", "--json");
        assertEquals(0, r.exitCode(), r.err());
        List<Map<String, Object>> models = (List<Map<String, Object>>) r.json().get("models");
        assertTrue(models.stream().anyMatch(m -> "test-decay".equals(m.get("id"))), models.toString());
        List<Map<String, Object>> solvers = (List<Map<String, Object>>) r.json().get("solvers");
        assertTrue(solvers.stream().anyMatch(m -> "dopri5".equals(m.get("id")) && Boolean.FALSE.equals(m.get("stiff"))), solvers.toString());
    }

    private static double[][] rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        double[][] out = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            out[i - 1] = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                out[i - 1][j] = Double.parseDouble(f[j]);
            }
        }
        return out;
    }

    @Test
    void everyBuiltInModelRunsToFiniteValuesWithTheSolverItsStiffnessNeeds() throws Exception {
        // durations in each model's time unit: days for the neuroinflammation model, hours for the others
        Map<String, String> durations = Map.of("neuroinflammation-sensitization", "180", "anderson2015-microglia", "72",
                "reynolds2006-inflammation", "500");
        for (Map.Entry<String, String> e : durations.entrySet()) {
            Path out = tmp.resolve(e.getKey() + ".csv");
            Painlab.Result r = Painlab.run("mech", "run", e.getKey(), "--duration", e.getValue(), "--steps", "50",
                    "--out", out.toString(), "--json");
            assertEquals(0, r.exitCode(), e.getKey() + ": " + r.err());
            double[][] rows = rows(out);
            assertEquals(51, rows.length, e.getKey());
            for (double[] row : rows) {
                for (double v : row) {
                    assertTrue(Double.isFinite(v), e.getKey() + ": every value is a number, found " + v);
                }
            }
        }
    }

    @Test
    void reynoldsHealthyResolvesAndSepticPersists() throws Exception {
        // Reynolds et al. 2006: with a slow-growing pathogen (k_pg 0.3/h) the response clears it; a fast one persists
        Path healthy = tmp.resolve("healthy.csv");
        Path septic = tmp.resolve("septic.csv");
        assertEquals(0, Painlab.run("mech", "run", "reynolds2006-inflammation", "--set", "k_pg=0.3", "--duration", "500",
                "--steps", "10", "--variables", "Pth,Dmg", "--out", healthy.toString()).exitCode());
        assertEquals(0, Painlab.run("mech", "run", "reynolds2006-inflammation", "--set", "k_pg=0.6", "--duration", "500",
                "--steps", "10", "--variables", "Pth,Dmg", "--out", septic.toString()).exitCode());
        double[] h = rows(healthy)[10];
        double[] s = rows(septic)[10];
        assertTrue(h[1] < 1e-3 && h[2] < 0.5, "healthy: pathogen and damage resolve, P " + h[1] + " D " + h[2]);
        assertTrue(s[1] > 1 && s[2] > 5, "septic: pathogen and damage persist, P " + s[1] + " D " + s[2]);
    }

    @Test
    void runSetsParametersAndTimesInterventions() throws Exception {
        Path out = tmp.resolve("run.csv");
        Painlab.Result r = Painlab.run("mech", "run", "test-decay", "--set", "k=0.5", "--intervention", "dose_event@2",
                "--duration", "4", "--steps", "8", "--out", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("dopri5", r.json().get("solver"));
        assertTrue(((String) r.json().get("reason")).startsWith("non-stiff"), r.out());
        assertEquals("time,A", Files.readAllLines(out).get(0));
        double[][] rows = rows(out);
        assertEquals(9, rows.length);
        // A(0) = 10, k = 0.5; at t = 2 the dose (+5) is given: the row at 2 shows it, then decay goes on
        assertEquals(10 * Math.exp(-0.5 * 1.5), rows[3][1], 1e-6);
        double after = 10 * Math.exp(-1) + 5;
        assertEquals(after, rows[4][1], 1e-6);
        assertEquals(after * Math.exp(-1), rows[8][1], 1e-6);
    }

    @Test
    void badArgumentsAreExitOneNamingWhat() {
        Path out = tmp.resolve("never.csv");
        Painlab.Result unknownParameter = Painlab.run("mech", "run", "test-decay", "--set", "kk=1", "--out", out.toString());
        assertEquals(1, unknownParameter.exitCode());
        assertTrue(unknownParameter.err().contains("'kk'") && unknownParameter.err().contains("[k, dose]"), unknownParameter.err());
        Painlab.Result unknownModel = Painlab.run("mech", "run", "no-such-model", "--out", out.toString());
        assertEquals(1, unknownModel.exitCode());
        assertTrue(unknownModel.err().contains("no-such-model"), unknownModel.err());
        Painlab.Result badIntervention = Painlab.run("mech", "run", "test-decay", "--intervention", "surgery@1", "--out", out.toString());
        assertEquals(1, badIntervention.exitCode());
        assertTrue(badIntervention.err().contains("surgery") && badIntervention.err().contains("dose_event"), badIntervention.err());
        assertFalse(Files.exists(out), "nothing written on failure");
    }

    @Test
    void badSettingsNameFileLineAndField() throws Exception {
        Path settings = tmp.resolve("s.txt");
        Files.writeString(settings, "start: 0\nduration: ten\nsteps: 5\nvariables: S1\n");
        Path model = SbmlTestSuiteTest.suite().resolve("00001/00001-sbml-l3v2.xml");
        Painlab.Result r = Painlab.run("mech", "simulate", model.toString(), "--settings", settings.toString(), "--out",
                tmp.resolve("o.csv").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(settings.toString()) && r.err().contains("line 2") && r.err().contains("'duration'"), r.err());
    }
}
