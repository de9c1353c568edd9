package org.painlab.imaging.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.evaluate.CrossValidationAnalysis;
import org.painlab.imaging.evaluate.ModelTraining;
import org.painlab.imaging.ui.internal.handlers.TrainModelDialog;
import org.painlab.imaging.ui.internal.handlers.TrainModelHandler;
import org.painlab.imaging.ui.internal.training.ModelRow;
import org.painlab.imaging.ui.internal.training.StoredModels;
import org.painlab.imaging.ui.internal.training.TrainingCurve;
import org.painlab.imaging.ui.internal.training.TrainingRun;
import org.painlab.imaging.ui.internal.views.ModelComparisonView;
import org.painlab.imaging.ui.internal.views.TrainingView;
import org.painlab.core.chart.RocChart;

/** Training from the Imaging perspective: the live curve, the stored results, the Model Comparison, cancelling. */
class TrainingTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            ImagingFixture.studies().close(study);
        }
    }

    private Study openStudy(String name) throws Exception {
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve(name), name, null, 0, null);
        study = ImagingFixture.studies().open(dir);
        return study;
    }

    /** 24 simulated patients with 2 volumes each; f1 separates the grades well, f2 less, f3 is noise. */
    private Path features() throws Exception {
        Random r = new Random(11);
        List<String> lines = new ArrayList<>();
        lines.add("case,patient,label,f1,f2,f3");
        for (int p = 0; p < 24; p++) {
            int label = p % 2;
            for (int v = 0; v < 2; v++) {
                lines.add(String.format(Locale.ROOT, "P%02d-%d,P%02d,%d,%.5f,%.5f,%.5f", p, v, p, label,
                        label * 2.0 + r.nextGaussian(), label * 0.9 + r.nextGaussian(), r.nextGaussian()));
            }
        }
        Path f = tmp.resolve("features.csv");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private static Map<String, String> parameters(String model, Path cases, String... own) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put(CrossValidationAnalysis.MODEL, model);
        p.put(CrossValidationAnalysis.FOLDS, "3");
        p.put(CrossValidationAnalysis.SEED, "5");
        p.put(CrossValidationAnalysis.CASES, cases.toString());
        for (int i = 0; i < own.length; i += 2) {
            p.put(own[i], own[i + 1]);
        }
        return p;
    }

    private static void awaitTraining(TrainingView view) throws InterruptedException {
        ImagingFixture.waitForJobs(TrainingView.JOB_FAMILY, 120_000);
        ImagingFixture.processUntil(() -> !view.outcome().isEmpty(), 10_000);
    }

    @Test
    void trainingFeedsTheCurveStoresTheRunAndComparesTheModels() throws Exception {
        IWorkbenchPage page = ImagingFixture.imaging();
        openStudy("train");
        Path cases = features();
        TrainingView view = (TrainingView) page.showView(TrainingView.ID);

        view.start(study, new TrainingRun(parameters("threshold", cases)));
        awaitTraining(view);
        assertTrue(view.outcome().startsWith("threshold: Stored as result"), view.outcome());
        assertEquals(3, view.curve().points().size(), "one step per fold");

        view.start(study, new TrainingRun(parameters("rf", cases, "trees", "40", "trees_per_step", "10")));
        awaitTraining(view);
        assertTrue(view.outcome().startsWith("rf: Stored as result"), view.outcome());
        List<TrainingCurve.Point> points = view.curve().points();
        // 3 folds x 4 steps of 10 trees, each heard by the listener
        assertEquals(12, points.size(), points.toString());
        assertEquals(List.of(1, 2, 3), points.stream().map(TrainingCurve.Point::fold).distinct().toList());
        assertTrue(points.stream().allMatch(p -> p.accuracy() >= 0 && p.accuracy() <= 1), points.toString());
        assertEquals(4, points.get(3).steps());
        assertEquals(1000, view.progressPerMille());
        assertTrue(view.outcome().contains("ROC comparison stored as result"), view.outcome());

        // what is stored: two cross-validations and the comparison, with provenance
        List<StoredResult> stored = new ResultStore(study).list();
        assertEquals(2, stored.stream().filter(s -> s.analysisId().equals(CrossValidationAnalysis.ID)).count());
        assertTrue(stored.stream().anyMatch(s -> s.analysisId().equals(StoredModels.ROC_COMPARISON)));
        assertTrue(stored.stream().allMatch(s -> !s.inputsHash().isBlank() && !s.versions().isEmpty()));

        ModelComparisonView cmp = (ModelComparisonView) page.findView(ModelComparisonView.ID);
        assertNotNull(cmp, "the Model Comparison opened with the result");
        ImagingFixture.waitForJobs(ModelComparisonView.JOB_FAMILY, 30_000);
        ImagingFixture.processUntil(() -> cmp.rows().size() == 2, 10_000);
        List<ModelRow> rows = cmp.rows();
        assertEquals(List.of("rf", "threshold"), rows.stream().map(ModelRow::model).toList());
        for (ModelRow r : rows) {
            assertEquals(48, r.cases());
            assertEquals(24, r.patients());
            assertTrue(r.auc() > 0.6 && r.auc() <= 1, r.toString());
            assertFalse(Double.isNaN(r.ciLow()), "DeLong CI from the stored comparison: " + r);
            assertTrue(r.ciLow() <= r.auc() && r.auc() <= r.ciHigh(), r.toString());
            assertFalse(r.clusteredText().isEmpty());
            StoredResult cv = new ResultStore(study).get(r.resultId()).orElseThrow();
            Map<?, ?> m = (Map<?, ?>) cv.body().get("metrics");
            assertEquals(((Number) m.get("auc")).doubleValue(), r.auc(), 0.0, "the table shows the stored AUC");
            assertEquals(((Number) m.get("accuracy")).doubleValue(), r.accuracy(), 0.0);
        }
        RocChart chart = cmp.rocChart();
        assertEquals(2, chart.curves().size());
        assertTrue(RocChart.legend(chart.curves().get(0)).matches("rf: AUC 0\\.\\d{3} \\(95% CI 0\\.\\d{3}.1?[0-9.]+\\)"),
                RocChart.legend(chart.curves().get(0)));
        assertEquals(2, cmp.grid().shownRowCount());
        Path svg = tmp.resolve("roc.svg");
        cmp.saveChart(svg);
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") || text.startsWith("<?xml"), text.substring(0, 40));
        assertTrue(text.contains(RocChart.legend(chart.curves().get(1))), "the saved chart has the legend");
        page.activate(cmp);
        // maximised, so the chart and the table are readable in the picture
        page.setPartState(page.getReference(cmp), IWorkbenchPage.STATE_MAXIMIZED);
        ImagingFixture.screenshot("model-comparison.png");
        page.setPartState(page.getReference(cmp), IWorkbenchPage.STATE_RESTORED);
        page.activate(view);
        ImagingFixture.screenshot("training.png");
    }

    @Test
    void theDialogsRunSavesTheFinalModelAsTheCommandDoes() throws Exception {
        IWorkbenchPage page = ImagingFixture.imaging();
        Path cases = features();
        // the same run made the command's way (the engine's ModelTraining) in a study of its own
        Path cliDir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("cli"), "cli", null, 0, null);
        ModelTraining.Outcome cli;
        try (Study s = Study.open(cliDir, StudySchemas.contributed())) {
            cli = new ModelTraining(new CrossValidationAnalysis()).run(s, parameters("rf", cases, "trees", "40", "trees_per_step",
                    "10", "max_depth", "6"), "test", org.painlab.imaging.classify.TrainingListener.NONE,
                    new org.eclipse.core.runtime.NullProgressMonitor());
        }
        openStudy("dialog");
        org.eclipse.ui.IWorkbenchWindow window = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        TrainModelDialog d = new TrainModelDialog(window.getShell());
        d.setBlockOnOpen(false);
        d.open();
        d.selectModel("rf");
        d.setField("trees", "40");
        d.setField("trees_per_step", "10");
        d.setField("max_depth", "6");
        d.setFolds(3);
        d.setSeed("5");
        d.setCasesTable(cases.toString());
        d.pressTrain();
        assertEquals(org.eclipse.jface.window.Window.OK, d.getReturnCode(), "Train closes the dialog");
        Job job = TrainModelHandler.start(window, study, d.parameters());
        assertNotNull(job);
        TrainingView view = (TrainingView) page.findView(TrainingView.ID);
        awaitTraining(view);
        assertTrue(view.outcome().startsWith("rf: Stored as result"), view.outcome());

        StoredResult cv = new ResultStore(study).list().stream().filter(r -> r.analysisId().equals(CrossValidationAnalysis.ID))
                .findFirst().orElseThrow();
        Path saved = ModelTraining.modelFile(study, "rf", cv.id());
        assertEquals(study.filesFolder().resolve("models").resolve("rf-result" + cv.id() + ".model"), saved);
        assertTrue(Files.size(saved) > 1000, "the final model is saved: " + saved);
        assertTrue(view.outcome().contains("model saved in " + study.folder().relativize(saved)), view.outcome());
        assertEquals(auc(cli.result()), auc(cv), 0.0, "the same cross-validation as the command's");

        // the model trained on all cases grades exactly as the one the command saved
        org.painlab.imaging.classify.Classifier rf = new org.painlab.imaging.Classifiers().require("rf");
        org.painlab.imaging.classify.TrainedModel ui;
        org.painlab.imaging.classify.TrainedModel command;
        // both files carry the saved-model header (classifier, training result, feature recipe)
        ui = org.painlab.imaging.store.SavedModels.load(
                new org.painlab.imaging.store.SavedModels.SavedModel("rf", cv.id(), saved, null), rf);
        command = org.painlab.imaging.store.SavedModels.load(
                new org.painlab.imaging.store.SavedModels.SavedModel("rf", cli.result().id(), cli.modelFile(), null), rf);
        List<org.painlab.imaging.classify.Case> all = new org.painlab.imaging.evaluate.FeatureTable(cases).read();
        for (org.painlab.imaging.classify.Case c : all) {
            assertEquals(command.probability(c), ui.probability(c), 0.0, c.id());
        }

        ModelComparisonView cmp = (ModelComparisonView) page.findView(ModelComparisonView.ID);
        ImagingFixture.waitForJobs(ModelComparisonView.JOB_FAMILY, 30_000);
        ImagingFixture.processUntil(() -> cmp.rows().size() == 1, 10_000);
        assertEquals(study.folder().relativize(saved).toString(), cmp.rows().get(0).modelFile(), "shown in the Model Comparison");
        page.activate(view);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        ImagingFixture.screenshot("training-dialog-run.png");
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
    }

    private static double auc(StoredResult crossValidation) {
        return ((Number) ((Map<?, ?>) crossValidation.body().get("metrics")).get("auc")).doubleValue();
    }

    @Test
    void cancellingStopsTheTrainingAndStoresNothing() throws Exception {
        IWorkbenchPage page = ImagingFixture.imaging();
        openStudy("cancel");
        Path cases = features();
        TrainingView view = (TrainingView) page.showView(TrainingView.ID);
        // steps of 1000 trees: rf's own trees grow so fast on 48 cases that steps of 10 flood the display with curve
        // points and the run ends before the cancel is handled
        Job job = view.start(study, new TrainingRun(parameters("rf", cases, "trees", "1000000", "trees_per_step", "1000")));
        ImagingFixture.processUntil(() -> !view.curve().points().isEmpty(), 60_000);
        assertFalse(view.curve().points().isEmpty(), "training started");
        view.cancel();
        awaitTraining(view);
        assertEquals(Job.NONE, job.getState());
        assertTrue(view.outcome().contains("cancelled, nothing stored"), view.outcome());
        assertTrue(view.curve().points().size() < 100, "stopped long before the 1000 steps of a fold");
        assertTrue(new ResultStore(study).list().isEmpty(), "nothing stored");
    }

    @Test
    void theDialogOffersTheClassifiersWithTheirEditableDefaults() throws Exception {
        ImagingFixture.imaging();
        Path cases = features();
        TrainModelDialog d = new TrainModelDialog(org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        d.setBlockOnOpen(false);
        d.open();
        try {
            d.selectModel("rf");
            assertTrue(d.fieldNames().containsAll(List.of("trees", "max_depth", "features_per_split", "trees_per_step")),
                    d.fieldNames().toString());
            d.setField("trees", "60");
            d.setFolds(4);
            d.setSeed("9");
            d.setCasesTable(cases.toString());
            assertTrue(d.validate());
            Map<String, String> p = d.parameters();
            assertEquals("rf", p.get("model"));
            assertEquals("60", p.get("trees"));
            assertEquals("12", p.get("max_depth"), "untouched defaults are kept");
            assertEquals("4", p.get("folds"));
            assertEquals("9", p.get("seed"));
            assertEquals(cases.toAbsolutePath().toString(), p.get("cases"));
            d.setSeed("nine");
            assertFalse(d.validate(), "a seed that is not a number is refused");
            d.selectModel("threshold");
            assertEquals(List.of("feature"), d.fieldNames());
        } finally {
            d.close();
        }
    }
}
