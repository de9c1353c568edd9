package org.painlab.mechanism.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudyDemos;
import org.painlab.core.StudySchemas;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.data.TimeCourse;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.ScreenCapture;
import org.painlab.mechanism.fit.FitAnalysis;
import org.painlab.mechanism.steady.SteadyStateAnalysis;
import org.painlab.mechanism.ui.internal.chart.LineChart;
import org.painlab.mechanism.ui.internal.model.LoadedModel;
import org.painlab.mechanism.ui.internal.views.FitDialog;
import org.painlab.mechanism.ui.internal.views.FitView;
import org.painlab.mechanism.ui.internal.views.ParameterSlidersView;
import org.painlab.mechanism.ui.internal.views.SteadyStateDialog;
import org.painlab.mechanism.ui.internal.views.SteadyStateResultDialog;
import org.painlab.mechanism.ui.internal.views.SteadyStateRun;

/**
 * Fitting and steady states started from the Mechanism perspective: the Fit to Trial Data dialog gives the
 * parameters {@code mech fit --study} passes, the fit to the demo trial's VAS arms runs as a job, is stored with
 * provenance (and re-checks) and shows in the Model Fit view, a cancelled fit stores nothing; Steady State...
 * stores analysis org.painlab.mechanism.steady and shows it.
 */
class FitAndSteadyStateTest {
    static final String REYNOLDS = "reynolds2006-inflammation";
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            MechanismFixture.studies().close(study);
        }
    }

    private Study demoStudy() throws Exception {
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("demo"), "demo", StudyDemos.get("snrb-peld"), 7L,
                new NullProgressMonitor());
        study = MechanismFixture.studies().open(dir);
        return study;
    }

    /** A dialog's shell once it has been laid out and painted (GTK resizes it after opening). */
    private static void capture(org.eclipse.swt.widgets.Shell shell, String name) throws Exception {
        shell.getDisplay().setCursorLocation(1590, 990);
        for (int i = 0; i < 8; i++) {
            MechanismFixture.processEvents();
            Thread.sleep(100);
        }
        shell.redraw();
        shell.update();
        MechanismFixture.processEvents();
        ScreenCapture.save(shell, Path.of(System.getProperty("painlab.screenshots", "target/screenshots"), name));
    }

    @Test
    void fitToTrialDataFromTheDialogIsStoredAndShown() throws Exception {
        IWorkbenchPage page = MechanismFixture.mechanism();
        Study s = demoStudy();
        LoadedModel lm = MechanismFixture.select(page, MechanismFixture.NEURO).current().orElseThrow();
        FitView v = (FitView) page.showView(FitView.ID);
        page.activate(v);
        List<TimeCourse> courses = FitAnalysis.observations(s, Map.of()).courses();

        FitDialog d = new FitDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), lm, courses);
        d.setBlockOnOpen(false);
        d.open();
        Map<String, String> p;
        try {
            assertTrue(d.arms().containsAll(List.of("S", "P")), "the demo's arms: " + d.arms());
            assertNull(d.parameters(), "nothing ticked yet");
            d.fit("injury_size", "1", "", "");
            d.fit("K_pain", "", "0.1", "20");
            d.arm("S", true, "glucocorticoid_snrb@-1");
            d.arm("P", true, "none");
            for (String other : d.arms()) {
                if (!other.equals("S") && !other.equals("P")) {
                    d.arm(other, false, "none");
                }
            }
            d.options("injury_time=0", "-2", "1", null);
            p = d.parameters();
            assertNotNull(p);
            capture(d.getShell(), "mechanism-fit-dialog.png");
            // what mech fit --study --fit injury_size,K_pain --bounds K_pain=0.1:20 --set injury_time=0 --start -2 --arm ... passes
            assertEquals(MechanismFixture.NEURO, p.get(FitAnalysis.MODEL));
            assertEquals("injury_size,K_pain", p.get(FitAnalysis.FIT));
            assertEquals("K_pain=0.1:20", p.get(FitAnalysis.BOUNDS));
            assertEquals("injury_time=0", p.get(FitAnalysis.SET));
            assertEquals("-2", p.get(FitAnalysis.START));
            assertEquals("S=glucocorticoid_snrb@-1;P=none", p.get(FitAnalysis.ARMS));
            assertEquals("vas", p.get(FitAnalysis.OUTCOME));
            assertEquals("400", p.get(FitAnalysis.MAX_EVALUATIONS), "defaults filled in as the analysis stores them");
            d.fit("injury_time", "0", "", "");
            assertNull(d.parameters(), "fitted and fixed at once is refused");
        } finally {
            d.close();
        }

        Job job = v.run(s, lm, p);
        MechanismFixture.waitForJobs(FitView.JOB_FAMILY, 600_000);
        MechanismFixture.processUntil(() -> v.status().contains("stored as result"), 10_000);
        assertTrue(v.status().contains("stored as result"), v.status());
        assertEquals(Job.NONE, job.getState());
        MechanismFixture.waitForJobs(FitView.JOB_FAMILY, 30_000);
        MechanismFixture.processUntil(() -> !v.rows().isEmpty(), 10_000);
        assertEquals(1, v.rows().size());
        StoredResult stored = v.rows().get(0).result();
        assertEquals(FitAnalysis.ID, stored.analysisId());
        assertEquals("injury_size,K_pain", stored.parameters().get(FitAnalysis.FIT));
        assertTrue(stored.versions().containsKey("org.painlab.mechanism"), stored.versions().toString());
        assertTrue(new AnalysisRunner().check(s, stored.id(), null).reproduced(), "the stored fit re-runs from the study's data");
        assertNotNull(v.shownFit());
        LineChart fit = v.fitChart();
        assertEquals(List.of("arm S", "arm P"), fit.legend());
        assertEquals(2, v.shownFit().series().size());
        assertEquals(3, v.shownFit().series().get(0).observed().length, "VAS at days 0, 3, 90");
        assertTrue(v.summary().contains("sse"), v.summary());
        assertEquals("day", stored.body().get("time_unit"), "the courses' time unit, for the axes");
        page.setPartState(page.getReference(v), IWorkbenchPage.STATE_MAXIMIZED);
        MechanismFixture.screenshot("mechanism-fit-trial.png");
        page.setPartState(page.getReference(v), IWorkbenchPage.STATE_RESTORED);

        // many starts take far longer than the test waits before cancelling: nothing more is stored
        Map<String, String> slow = new java.util.HashMap<>(p);
        slow.put(FitAnalysis.STARTS, "200");
        Job cancelled = v.run(s, lm, slow);
        MechanismFixture.processUntil(() -> cancelled.getState() == Job.RUNNING, 10_000);
        MechanismFixture.processUntil(() -> v.status().contains("evaluation"), 20_000);
        assertTrue(v.status().contains("start 1 of 200, evaluation"), "progress shown: " + v.status());
        v.cancel();
        MechanismFixture.waitForJobs(FitView.JOB_FAMILY, 120_000);
        MechanismFixture.processUntil(() -> v.status().contains("cancelled"), 10_000);
        assertTrue(v.status().endsWith("cancelled, nothing stored"), v.status());
        assertEquals(1, new ResultStore(s).list().size(), "nothing stored");
    }

    @Test
    void theMechanismMenuOffersFitAndSteadyState() {
        org.eclipse.ui.commands.ICommandService commands = PlatformUI.getWorkbench().getService(org.eclipse.ui.commands.ICommandService.class);
        for (String id : List.of("org.painlab.mechanism.ui.fitToTrialData", "org.painlab.mechanism.ui.steadyState")) {
            org.eclipse.core.commands.Command c = commands.getCommand(id);
            assertTrue(c.isDefined(), id);
            assertTrue(c.isHandled(), id + " has its handler");
        }
    }

    @Test
    void steadyStateFromTheSlidersIsStoredAndShown() throws Exception {
        IWorkbenchPage page = MechanismFixture.mechanism();
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("steady"), "steady", null, 0, null);
        study = MechanismFixture.studies().open(dir);
        LoadedModel lm = MechanismFixture.select(page, REYNOLDS).current().orElseThrow();
        ParameterSlidersView sv = (ParameterSlidersView) page.showView(ParameterSlidersView.ID);
        page.activate(sv);
        MechanismFixture.waitForJobs(ParameterSlidersView.JOB_FAMILY, 30_000);
        sv.setSlider("k_pg", 0.6);
        MechanismFixture.waitForJobs(ParameterSlidersView.JOB_FAMILY, 30_000);

        SteadyStateDialog d = new SteadyStateDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), lm, sv.values());
        d.setBlockOnOpen(false);
        d.open();
        Map<String, String> p;
        try {
            p = d.parameters();
            assertNotNull(p);
            assertTrue(p.get(SteadyStateAnalysis.SET).startsWith("k_pg=0.6"), "the sliders' values are offered: " + p);
            d.set("k_pg=0.6", "", "integrate");
            p = d.parameters();
            capture(d.getShell(), "mechanism-steady-dialog.png");
            assertEquals("integrate", p.get(SteadyStateAnalysis.METHOD));
            assertEquals("1e-9", p.get(SteadyStateAnalysis.TOLERANCE));
            d.set("k_pg=abc", "", "auto");
            assertNull(d.parameters(), "a bad value is refused");
        } finally {
            d.close();
        }

        SteadyStateRun run = sv.steadyState();
        run.run(study, lm, p);
        MechanismFixture.waitForJobs(SteadyStateRun.JOB_FAMILY, 120_000);
        MechanismFixture.processUntil(() -> run.resultDialog() != null, 10_000);
        StoredResult stored = run.lastStored();
        assertNotNull(stored, sv.status());
        assertEquals(SteadyStateAnalysis.ID, stored.analysisId());
        assertEquals("k_pg=0.6", stored.parameters().get(SteadyStateAnalysis.SET));
        assertEquals(4.9, run.lastSteadyState().value("Pth"), 0.05, "the septic equilibrium");
        assertTrue(sv.status().contains("stable") && sv.status().contains("stored as result " + stored.id()), sv.status());
        assertEquals(1, new ResultStore(study).list().size());
        SteadyStateResultDialog shown = run.resultDialog();
        List<List<String>> rows = shown.grid().shown().rows();
        assertTrue(rows.stream().anyMatch(r -> r.get(0).equals("Pth") && r.get(1).startsWith("4.9")), rows.toString());
        capture(shown.getShell(), "mechanism-steady-result.png");
        shown.close();
    }
}
