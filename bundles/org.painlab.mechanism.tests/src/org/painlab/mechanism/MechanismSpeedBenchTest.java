package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.sbml.Sbml;
import org.painlab.mechanism.sbml.TestSuiteSettings;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.sim.TimeCourseCsv;
import org.painlab.mechanism.solve.Tolerances;

/**
 * PainLab's side of releng/bench/mech-vs-peers.sh: times one integration (compile the model, integrate, assemble
 * the columns; SBML parsing excluded, as the peers' code generation is) of each case in the bench directory with
 * radau5 and dopri5 after JIT warm-up, and between its rounds runs the peers' round script so PainLab and the
 * peers alternate on the loaded machine. Also prints the automatic solver choice for the SBML Test Suite cases.
 * Without the script (no painlab.bench.mech) it times PainLab alone on the built-in models. Not run by default
 * (surefire excludes the "bench" tag).
 */
@Tag("bench")
class MechanismSpeedBenchTest {
    private static final String[] SOLVERS = {"radau5", "dopri5"};

    private record Case(String name, Model model, double duration, int steps, List<Output> outputs) {
    }

    @Test
    void builtInModelsAgainstPeers() throws Exception {
        String dirProp = System.getProperty("painlab.bench.mech");
        // without the script: PainLab alone on the built-in models, no peers
        Path dir = dirProp != null ? Path.of(dirProp) : standalone();
        int rounds = Integer.getInteger("painlab.bench.rounds", 5);
        int reps = Integer.getInteger("painlab.bench.reps", 5);
        String peerRound = System.getProperty("painlab.bench.peerRound", "");
        List<Case> cases = readCases(dir.resolve("cases.tsv"));
        List<double[]> tolerances = new ArrayList<>();
        for (String t : Files.readAllLines(dir.resolve("tolerances.txt"))) {
            if (!t.isBlank()) {
                String[] p = t.trim().split("\\s+");
                tolerances.add(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])});
            }
        }
        Simulator simulator = new Simulator(new Solvers());
        Files.createDirectories(dir.resolve("traj"));
        // JIT warm-up: every case and solver until the timings settle
        for (int w = 0; w < 30; w++) {
            for (Case c : cases) {
                for (double[] tol : tolerances) {
                    for (String s : SOLVERS) {
                        run(simulator, c, tol, s);
                    }
                }
            }
        }
        try (PrintWriter times = new PrintWriter(Files.newBufferedWriter(dir.resolve("times-painlab.txt")))) {
            for (int r = 1; r <= rounds; r++) {
                for (Case c : cases) {
                    for (double[] tol : tolerances) {
                        for (String s : SOLVERS) {
                            TimeCourse tc = null;
                            for (int k = 0; k < reps; k++) {
                                long t0 = System.nanoTime();
                                tc = run(simulator, c, tol, s);
                                double ms = (System.nanoTime() - t0) / 1e6;
                                times.printf("T painlab %s %s %s %.4f%n", s, c.name(), fmt(tol[0]), ms);
                            }
                            assertEquals(c.steps() + 1, tc.times().length, c.name());
                            assertTrue(Arrays.stream(tc.values()).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite),
                                    c.name() + " " + s + ": finite trajectory");
                            if (r == 1) {
                                TimeCourseCsv.write(tc, dir.resolve("traj").resolve(c.name() + "_" + fmt(tol[0]) + "_painlab_" + s + ".csv"));
                                System.out.printf("bench: %s rtol %s %s: %d steps, %d evaluations%n", c.name(), fmt(tol[0]), s,
                                        tc.steps(), tc.evaluations());
                            }
                        }
                    }
                }
                times.flush();
                if (!peerRound.isEmpty()) {
                    Process p = new ProcessBuilder(peerRound, Integer.toString(r)).inheritIO().start();
                    assertEquals(0, p.waitFor(), "peer round " + r);
                }
            }
            // the tightest solution of PainLab's own, as a cross-check of the peers' reference
            for (Case c : cases) {
                TimeCourse tc = run(simulator, c, new double[] {1e-11, 1e-14}, "radau5");
                TimeCourseCsv.write(tc, dir.resolve("traj").resolve(c.name() + "_tight_painlab_radau5.csv"));
            }
        }
        suiteChoices(simulator);
    }

    private static Path standalone() throws Exception {
        Path dir = Files.createTempDirectory("mech-bench");
        ModelLibrary library = new ModelLibrary();
        StringBuilder cases = new StringBuilder();
        String[][] builtIns = {{"reynolds2006", "reynolds2006-inflammation", "500", "500"},
                {"anderson2015", "anderson2015-microglia", "72", "720"},
                {"neuroinflammation", "neuroinflammation-sensitization", "180", "180"}};
        for (String[] b : builtIns) {
            Path file = dir.resolve(b[1] + ".xml");
            Files.writeString(file, Sbml.write(library.open(b[1])));
            cases.append(b[0]).append('\t').append(file).append('\t').append(b[2]).append('\t').append(b[3]).append('\n');
        }
        Files.writeString(dir.resolve("cases.tsv"), cases);
        Files.writeString(dir.resolve("tolerances.txt"), "1e-6 1e-10\n1e-8 1e-12\n");
        System.out.println("bench: no painlab.bench.mech: PainLab alone on the built-in models in " + dir);
        return dir;
    }

    private static TimeCourse run(Simulator simulator, Case c, double[] tol, String solver) throws Exception {
        return simulator.run(c.model(), new SimulationSettings(0, c.duration(), c.steps(),
                new Tolerances(tol[1], tol[0], 1_000_000), solver), c.outputs(), null);
    }

    private static String fmt(double v) {
        return String.format("%g", v).replaceAll("\\.?0+e", "e").replace("e-0", "e-");
    }

    private static List<Case> readCases(Path file) throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            Model m = Sbml.read(Path.of(f[1]));
            List<Output> outs = new ArrayList<>();
            for (Species s : m.species()) {
                if (!s.constant()) {
                    outs.add(new Output(s.id(), true));
                }
            }
            cases.add(new Case(f[0], m, Double.parseDouble(f[2]), Integer.parseInt(f[3]), outs));
        }
        return cases;
    }

    /** Which SBML Test Suite cases the automatic choice finds stiff (those would join the comparison). */
    private static void suiteChoices(Simulator simulator) throws IOException {
        Path suite = Path.of(System.getProperty("painlab.reference", "../shared/reference"), "sbml");
        if (!Files.isDirectory(suite)) {
            System.out.println("bench: no SBML Test Suite at " + suite);
            return;
        }
        int stiff = 0;
        int all = 0;
        try (Stream<Path> dirs = Files.list(suite)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                String id = d.getFileName().toString();
                try {
                    TestSuiteSettings s = TestSuiteSettings.read(d.resolve(id + "-settings.txt"));
                    Model m = Sbml.read(d.resolve(id + "-sbml-l3v2.xml"));
                    List<Output> outs = s.variables().stream().map(v -> new Output(v, true)).toList();
                    Tolerances tol = new Tolerances(Math.max(1e-16, s.absolute() * 1e-4), Math.max(1e-12, s.relative() * 1e-4), 2_000_000);
                    TimeCourse tc = simulator.run(m, new SimulationSettings(s.start(), s.duration(), s.steps(), tol, "auto"), outs, null);
                    all++;
                    if (tc.solver().equals("radau5")) {
                        stiff++;
                    }
                    System.out.printf("bench: suite %s auto -> %s (%s)%n", id, tc.solver(), tc.reason());
                } catch (Exception e) {
                    System.out.printf("bench: suite %s not run: %s%n", id, e.getMessage());
                }
            }
        }
        System.out.printf("bench: suite: radau5 chosen for %d of %d cases%n", stiff, all);
    }
}
