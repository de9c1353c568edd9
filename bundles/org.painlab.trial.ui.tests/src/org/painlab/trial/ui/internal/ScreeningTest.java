package org.painlab.trial.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.UiThreadGuard;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.ui.internal.views.Screening;
import org.painlab.trial.ui.internal.views.ScreeningView;

/** The screening log and the eligibility checklist on the demo trial. */
class ScreeningTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            ClinicalFixture.studies().close(study);
        }
    }

    /** Waits for the grid's load and filter jobs, then lets the UI thread take their outcome. */
    private static void loaded() throws InterruptedException {
        Job.getJobManager().join(DataGrid.JOB_FAMILY, null);
        Display d = Display.getCurrent();
        while (d.readAndDispatch()) {
            // drain
        }
    }

    @Test
    void screeningLogsTheChecklistAndExcludesOnTheFirstUnmetCriterion() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        study = ClinicalFixture.openDemo(tmp, "screening");
        ScreeningView view = (ScreeningView) page.showView(ScreeningView.ID);
        view.refresh();
        loaded();
        TrialStore store = new TrialStore(study);
        int before = store.screeningLog().size();
        try (UiThreadGuard.Recording guard = UiThreadGuard.record()) {
            view.refresh();
            loaded();
            assertEquals(List.of(), guard.through("ScreeningView"), "the screening log is read in a job");
        }
        assertEquals(before, view.rows());
        long excludedBefore = store.screeningLog().stream().filter(e -> e.excluded()).count();
        // the log is a workbench grid: its filter row keeps the excluded persons
        view.grid().setFilter("outcome", "= excluded");
        loaded();
        assertEquals(excludedBefore, view.grid().shownRowCount());
        assertTrue(view.grid().shown().rows().stream().allMatch(r -> r.get(2).equals("excluded")), view.grid().shown().rows().toString());
        view.grid().clearFilters();
        loaded();

        Screening screening = new Screening(store);
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        screening.criteria().forEach(c -> checklist.put(c, true));
        assertTrue(checklist.containsKey("bmi_18_5_to_30"), checklist.keySet().toString());
        checklist.put("bmi_18_5_to_30", false);
        String id = screening.nextId();
        assertNull(screening.screen("tester", id, LocalDate.of(2026, 11, 23), checklist, "S-999"),
                "an ineligible person is not enrolled");
        view.refresh();
        loaded();
        assertEquals(before + 1, view.rows());
        assertTrue(view.grid().shown().rows().stream().anyMatch(r -> r.get(0).equals(id) && r.get(5).contains("BMI")),
                "the new person's unmet criterion is listed: " + view.grid().shown().rows());
        var entry = store.screeningLog().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        assertTrue(entry.excluded());
        assertEquals("not met: bmi_18_5_to_30", entry.reason());
        assertEquals(Boolean.FALSE, store.eligibility(id).get("bmi_18_5_to_30"));
        assertEquals(before + 1 - store.consortCounts().randomized(), store.consortCounts().excluded(),
                "CONSORT counts the new exclusion");

        checklist.put("bmi_18_5_to_30", true);
        String id2 = screening.nextId();
        long subjects = study.info().count("subjects");
        if (store.allocationStatus().remaining() > 0) {
            var s = screening.screen("tester", id2, LocalDate.of(2026, 11, 23), checklist, "S-999");
            assertEquals("S-999", s.id());
            assertTrue(s.armCode() != null, "enrolment reveals the allocation");
            assertEquals(subjects + 1, study.info().count("subjects"));
        } else {
            StudyException e = assertThrows(StudyException.class,
                    () -> screening.screen("tester", id2, LocalDate.of(2026, 11, 23), checklist, "S-999"));
            assertTrue(e.getMessage().toLowerCase().contains("allocation"), e.getMessage());
            assertEquals(before + 1, store.screeningLog().size(), "a refused enrolment logs nothing");
            assertEquals(subjects, study.info().count("subjects"));
        }
    }
}
