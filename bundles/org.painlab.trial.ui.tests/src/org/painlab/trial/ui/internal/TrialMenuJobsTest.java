package org.painlab.trial.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.UiThreadGuard;
import org.painlab.core.store.AuditLog;
import org.painlab.core.ui.UiJobs;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.ui.internal.handlers.EnrollHandler;
import org.painlab.trial.ui.internal.handlers.LockDatasetHandler;
import org.painlab.trial.ui.internal.handlers.RandomizeHandler;
import org.painlab.trial.ui.internal.handlers.Replies;
import org.painlab.trial.ui.internal.handlers.UploadAllocationListHandler;
import org.painlab.trial.ui.internal.views.Screening;
import org.painlab.trial.ui.internal.views.ScreeningView;
import org.painlab.trial.ui.internal.wizards.ImportWizard;

/**
 * The Trial menu's actions after their dialogs (Enroll, Lock Dataset, Generate and Upload Allocation
 * List), screening a person and the import wizard's start read and write the study in jobs, never on
 * the UI thread; what they tell the user arrives through {@link Replies} once the job is done.
 */
class TrialMenuJobsTest {
    @TempDir
    Path tmp;
    private final List<Study> opened = new ArrayList<>();

    /** What the actions said, in order ("info: ..." or "error: ..."). */
    private static final class Said implements Replies {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String title, String message) {
            lines.add("info: " + message);
        }

        @Override
        public void error(String title, String message) {
            lines.add("error: " + message);
        }
    }

    @AfterEach
    void close() {
        opened.forEach(s -> ClinicalFixture.studies().close(s));
    }

    /** A new study with arms A and B, and an allocation list of {@code lines} lines when it is above 0, opened in the workbench. */
    private Study studyWithArms(String name, int lines) throws Exception {
        Path dir = tmp.resolve(name);
        try (Study created = Study.create(dir, name, StudySchemas.contributed())) {
            TrialStore s = new TrialStore(created);
            s.addArm("test", "A", "Arm A", null);
            s.addArm("test", "B", "Arm B", null);
            if (lines > 0) {
                StringBuilder csv = new StringBuilder("seq,arm\n");
                for (int i = 1; i <= lines; i++) {
                    csv.append(i).append(',').append(i % 2 == 0 ? "B" : "A").append('\n');
                }
                s.uploadAllocationList("test", Files.writeString(tmp.resolve(name + "-list.csv"), csv), "test list");
                s.lockAllocationList("test", "test list");
            }
        }
        Study study = ClinicalFixture.studies().open(dir);
        opened.add(study);
        return study;
    }

    private static Shell shell() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** Waits for the job and lets the UI thread take its outcome. */
    private static void done(Job job, Said said, int lines) throws InterruptedException {
        job.join();
        Job.getJobManager().join(UiJobs.FAMILY, null);
        ClinicalFixture.processUntil(() -> said.lines.size() >= lines, 10_000);
        ClinicalFixture.processEvents();
    }

    @Test
    void enrollAndLockRunInJobsAndTellTheOutcome() throws Exception {
        ClinicalFixture.clinical();
        Study study = studyWithArms("enroll", 4);
        TrialStore store = new TrialStore(study);
        int before = store.subjects().size();
        Said said = new Said();
        try (UiThreadGuard.Recording guard = UiThreadGuard.record()) {
            done(EnrollHandler.enroll(shell(), ClinicalFixture.studies(), study, "S-900", said), said, 1);
            assertEquals(List.of(), guard.through("EnrollHandler"), "enrolment writes in a job");
            assertEquals(1, said.lines.size(), said.lines.toString());
            assertTrue(said.lines.get(0).startsWith("info: Subject S-900 is allocated to arm "), said.lines.toString());
            assertEquals("S-900", ClinicalFixture.studies().selectedSubject().orElse(null), "the new subject is selected");

            done(LockDatasetHandler.lock(shell(), ClinicalFixture.studies(), study, "database lock for analysis", said), said, 1);
            assertEquals(List.of(), guard.through("LockDatasetHandler"), "the lock is written in a job");
            // a refusal from the job is told as an error, and nothing changes
            done(EnrollHandler.enroll(shell(), ClinicalFixture.studies(), study, "S-901", said), said, 2);
            assertEquals(List.of(), guard.through("EnrollHandler"));
        }
        assertEquals(before + 1, store.subjects().size());
        Subject s = store.subject("S-900").orElseThrow();
        assertTrue(s.allocationSeq() != null && s.armCode() != null, s.toString());
        assertTrue(store.locks().datasetLocked());
        assertEquals(2, said.lines.size(), said.lines.toString());
        assertTrue(said.lines.get(1).startsWith("error: ") && said.lines.get(1).contains("locked"), said.lines.toString());
        assertTrue(store.subject("S-901").isEmpty());
        var audit = study.read(c -> new AuditLog(c).entries(0, 100_000));
        assertTrue(audit.stream().anyMatch(a -> "database lock for analysis".equals(a.reason())), "the lock is audited");
    }

    @Test
    void allocationListsAreCheckedStoredAndLockedInJobs() throws Exception {
        ClinicalFixture.clinical();
        Study study = studyWithArms("lists", 0);
        TrialStore store = new TrialStore(study);
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "seq,arm\n1,A\n2,X\n");
        Path good = Files.writeString(tmp.resolve("good.csv"), "seq,arm\n1,A\n2,B\n3,B\n4,A\n");
        Said said = new Said();
        try (UiThreadGuard.Recording guard = UiThreadGuard.record()) {
            done(UploadAllocationListHandler.upload(shell(), ClinicalFixture.studies(), study, bad, said), said, 1);
            assertTrue(said.lines.get(0).startsWith("error: Rejected, nothing stored:\n") && said.lines.get(0).contains("bad.csv"),
                    said.lines.toString());
            assertFalse(store.allocationStatus().locked(), "a rejected file stores nothing");

            done(UploadAllocationListHandler.upload(shell(), ClinicalFixture.studies(), study, good, said), said, 2);
            assertEquals("info: Stored and locked: 4 allocations.", said.lines.get(1));

            // Generate Allocation List reads the arms and the list's state in a job: a locked list is said, no dialog asked
            List<List<String>> asked = new ArrayList<>();
            done(RandomizeHandler.start(shell(), ClinicalFixture.studies(), study, said, arms -> {
                asked.add(arms);
                return null;
            }), said, 3);
            assertEquals(List.of(), guard.through("UploadAllocationListHandler"), "the upload reads and writes in jobs");
            assertEquals(List.of(), guard.through("RandomizeHandler"), "the arms and the list's state are read in a job");
            assertEquals(List.of(), asked, "no dialog for a locked list");
            assertEquals("info: The allocation list is already locked (0 of 4 revealed).", said.lines.get(2));
        }
        assertTrue(store.allocationStatus().locked());
        assertEquals(4, store.allocationStatus().size());
    }

    @Test
    void screeningAndTheImportWizardsVisitsRunInJobs() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        Study study = studyWithArms("screen", 4);
        ScreeningView view = (ScreeningView) page.showView(ScreeningView.ID);
        TrialStore store = new TrialStore(study);
        Screening screening = new Screening(store);
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        screening.criteria().forEach(c -> checklist.put(c, true));
        String id = screening.nextId();
        Said said = new Said();
        List<String> visits;
        try (UiThreadGuard.Recording guard = UiThreadGuard.record()) {
            done(view.screen(study, id, checklist, "S-950", said), said, 1);
            assertEquals(List.of(), guard.through("ScreeningView"), "screening writes in a job");
            // Trial > Import Trial Data... reads the visits in a job, then the wizard opens without reading
            List<String> read = new ArrayList<>();
            Job job = Job.create("visits", m -> {
                read.addAll(ImportWizard.visitsOf(study));
                return org.eclipse.core.runtime.Status.OK_STATUS;
            });
            job.schedule();
            job.join();
            visits = List.copyOf(read);
            WizardDialog dialog = new WizardDialog(shell(), new ImportWizard(study, visits));
            dialog.setBlockOnOpen(false);
            dialog.open();
            ClinicalFixture.processEvents();
            dialog.close();
            assertEquals(List.of(), guard.through("ImportWizard"), "the wizard reads nothing on the UI thread");
            assertEquals(List.of(), guard.through("ImportPage"), "the wizard's page reads nothing on the UI thread");
        }
        assertEquals(List.of("info: Subject S-950 is enrolled and allocated to arm " + store.subject("S-950").orElseThrow().armCode() + "."),
                said.lines);
        assertTrue(store.screeningLog().stream().anyMatch(e -> e.id().equals(id) && "S-950".equals(e.subjectId())));
        assertEquals("S-950", ClinicalFixture.studies().selectedSubject().orElse(null));
        // the Screening view shows the person screened in the job
        Job.getJobManager().join(org.painlab.core.ui.grid.DataGrid.JOB_FAMILY, null);
        ClinicalFixture.processUntil(() -> view.rows() == 1, 10_000);
        assertEquals(1, view.rows());
        Shell shell = shell();
        shell.setSize(1400, 900);
        page.showView(ScreeningView.ID);
        ClinicalFixture.processUntil(() -> false, 800);
        Path png = Path.of(System.getProperty("painlab.screenshot", "target/clinical.png")).resolveSibling("screening-after-job.png");
        org.painlab.core.ui.ScreenCapture.save(shell, png);
        assertTrue(Files.size(png) > 10_000);
        assertEquals(store.visitDefinitions().stream().map(v -> v.id()).toList(), visits);
    }
}
