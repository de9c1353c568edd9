package org.painlab.imaging.internal.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.classify.TrainingListener;
import org.painlab.imaging.classify.TrainingSettings;
import org.painlab.imaging.evaluate.CrossValidation;
import org.painlab.imaging.evaluate.OutOfFold;
import org.painlab.imaging.evaluate.PatientFolds;

/**
 * Random forest fit time of the built-in {@code rf} on a study-shaped feature table (46 patients x 8
 * volumes = 368 cases, 170 features: 30 carry the patient's grade with decreasing strength, all carry
 * a patient effect), for releng/bench/rf-vs-sklearn.sh, which runs scikit-learn on the same CSV and
 * folds. Plain Java (no OSGi, no JUnit). Modes:
 * {@code generate DIR} writes DIR/features.csv and DIR/folds.csv (5 folds grouped by patient);
 * {@code fit DIR} reads the CSV and fits once (for whole-process timing);
 * {@code bench DIR REPEATS} fits REPEATS times after a warm-up, then cross-validates on the folds and prints the AUC.
 */
public final class RfSpeedBench {
    static final int PATIENTS = 46;
    static final int VOLUMES = 8;
    static final int FEATURES = 170;
    static final int FOLDS = 5;
    static final long SEED = 20261202L;

    private RfSpeedBench() {
    }

    /** The study-shaped cases; deterministic. */
    static List<Case> generate() {
        Random r = new Random(SEED);
        double[] strength = new double[FEATURES];
        for (int k = 0; k < 30; k++) {
            strength[k] = 0.8 / (1 + k / 6.0);
        }
        List<Case> cases = new ArrayList<>();
        for (int p = 0; p < PATIENTS; p++) {
            double grade = r.nextGaussian();
            double[] patientEffect = new double[FEATURES];
            for (int k = 0; k < FEATURES; k++) {
                patientEffect[k] = 0.5 * r.nextGaussian();
            }
            for (int v = 0; v < VOLUMES; v++) {
                double caseGrade = grade + 0.6 * r.nextGaussian();
                int label = 1 / (1 + Math.exp(-2 * caseGrade)) > r.nextDouble() ? 1 : 0;
                Map<String, Double> f = new LinkedHashMap<>();
                for (int k = 0; k < FEATURES; k++) {
                    double x = strength[k] * caseGrade + patientEffect[k] + r.nextGaussian();
                    // some features on other scales, as IBSI features are
                    f.put(String.format(Locale.ROOT, "f%03d", k), k % 3 == 0 ? Math.exp(x) : k % 3 == 1 ? 100 * x : x);
                }
                cases.add(new Case(String.format(Locale.ROOT, "p%02d-v%d", p, v), String.format(Locale.ROOT, "p%02d", p), label, f,
                        () -> null, () -> null));
            }
        }
        return cases;
    }

    static void write(List<Case> cases, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> names = FeatureColumns.of(cases).names();
        StringBuilder sb = new StringBuilder("case,patient,label,").append(String.join(",", names)).append('\n');
        for (Case c : cases) {
            sb.append(c.id()).append(',').append(c.patientId()).append(',').append(c.label());
            for (String n : names) {
                sb.append(',').append(Double.toString(c.features().get(n)));
            }
            sb.append('\n');
        }
        Files.writeString(dir.resolve("features.csv"), sb, StandardCharsets.UTF_8);
        PatientFolds folds = PatientFolds.of(cases, FOLDS, SEED);
        StringBuilder fb = new StringBuilder("case,fold\n");
        for (Case c : cases) {
            fb.append(c.id()).append(',').append(folds.foldOf(c.patientId())).append('\n');
        }
        Files.writeString(dir.resolve("folds.csv"), fb, StandardCharsets.UTF_8);
    }

    static List<Case> read(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("features.csv"), StandardCharsets.UTF_8);
        String[] head = lines.get(0).split(",");
        List<Case> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            Map<String, Double> f = new LinkedHashMap<>();
            for (int k = 3; k < head.length; k++) {
                f.put(head[k], Double.parseDouble(v[k]));
            }
            cases.add(new Case(v[0], v[1], Integer.parseInt(v[2]), f, () -> null, () -> null));
        }
        return cases;
    }

    /** 300 trees, depth 12, sqrt(features) per split: the rf defaults, and what sklearn is given. */
    static TrainingSettings settings(long seed) {
        return new TrainingSettings(seed, Map.of());
    }

    static TrainedModel fit(List<Case> cases) {
        return new RandomForestClassifier().train(cases, settings(SEED), TrainingListener.NONE, null);
    }

    /** Area under the ROC curve of {@code p} for {@code labels} (Mann-Whitney, ties counted half). */
    static double auc(List<OutOfFold> oof) {
        double s = 0;
        long pairs = 0;
        for (OutOfFold a : oof) {
            for (OutOfFold b : oof) {
                if (a.label() == 1 && b.label() == 0) {
                    s += a.probability() > b.probability() ? 1 : a.probability() == b.probability() ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return s / pairs;
    }

    public static void main(String[] args) throws Exception {
        // Tribuo logs every tree at INFO: console output is not what is measured
        java.util.logging.Logger tribuo = java.util.logging.Logger.getLogger("org.tribuo");
        tribuo.setLevel(java.util.logging.Level.WARNING);
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> write(generate(), dir);
            case "fit" -> {
                long t0 = System.nanoTime();
                fit(read(dir));
                System.out.printf(Locale.ROOT, "bench: painlab rf fit (in a fresh JVM) %.3f s%n", (System.nanoTime() - t0) / 1e9);
            }
            case "bench" -> {
                int repeats = Integer.parseInt(args[2]);
                List<Case> cases = read(dir);
                fit(cases); // warm-up: JIT
                double[] t = new double[repeats];
                var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                for (int i = 0; i < repeats; i++) {
                    long t0 = System.nanoTime();
                    fit(cases);
                    t[i] = (System.nanoTime() - t0) / 1e9;
                }
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9 / repeats;
                java.util.Arrays.sort(t);
                System.out.printf(Locale.ROOT, "bench: painlab rf fit-only (%d cases x %d features, 300 trees, depth 12, %d features per split):"
                        + " median %.3f s, best %.3f s wall, %.3f s CPU per fit (%d fits after a warm-up)%n", cases.size(),
                        FeatureColumns.of(cases).names().size(), (int) Math.floor(Math.sqrt(FeatureColumns.of(cases).names().size())),
                        t[repeats / 2], t[0], cpu, repeats);
                long c0 = System.nanoTime();
                List<OutOfFold> oof = new CrossValidation().run(new RandomForestClassifier(), cases, FOLDS, settings(SEED), TrainingListener.NONE, null);
                System.out.printf(Locale.ROOT, "bench: painlab rf %d-fold grouped CV: AUC %.4f (%.2f s)%n", FOLDS, auc(oof), (System.nanoTime() - c0) / 1e9);
                checkFolds(cases, oof, dir);
            }
            default -> throw new IllegalArgumentException("mode generate|fit|bench, was " + args[0]);
        }
    }

    /** The CV above used the folds written to folds.csv (the ones sklearn is given). */
    private static void checkFolds(List<Case> cases, List<OutOfFold> oof, Path dir) throws IOException {
        Map<String, Integer> written = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("folds.csv")).subList(1, cases.size() + 1)) {
            written.put(line.split(",")[0], Integer.parseInt(line.split(",")[1]));
        }
        for (OutOfFold o : oof) {
            if (written.get(o.caseId()) != o.fold()) {
                throw new IllegalStateException("case " + o.caseId() + " is in fold " + o.fold() + ", folds.csv says " + written.get(o.caseId()));
            }
        }
    }
}
