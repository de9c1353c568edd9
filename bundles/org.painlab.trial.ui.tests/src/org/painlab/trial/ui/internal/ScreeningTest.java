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

import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
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

    @Test
    void screeningLogsTheChecklistAndExcludesOnTheFirstUnmetCriterion() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        study = ClinicalFixture.openDemo(tmp, "screening");
        ScreeningView view = (ScreeningView) page.showView(ScreeningView.ID);
        TrialStore store = new TrialStore(study);
        int before = store.screeningLog().size();
        try (UiThreadDbCalls guard = new UiThreadDbCalls()) {
            view.refresh();
            settle(() -> view.rows() == before);
            assertEquals(List.of(), guard.from("ScreeningView"), "the screening log is read in a job");
        }
        assertEquals(before, view.rows());

        Screening screening = new Screening(store);
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        screening.criteria().forEach(c -> checklist.put(c, true));
        assertTrue(checklist.containsKey("bmi_18_5_to_30"), checklist.keySet().toString());
        checklist.put("bmi_18_5_to_30", false);
        String id = screening.nextId();
        assertNull(screening.screen("tester", id, LocalDate.of(2026, 11, 23), checklist, "S-999"),
                "an ineligible person is not enrolled");
        view.refresh();
        settle(() -> view.rows() == before + 1);
        assertEquals(before + 1, view.rows());
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

    private static void settle(java.util.function.BooleanSupplier done) throws InterruptedException {
        org.eclipse.core.runtime.jobs.Job.getJobManager().join(org.painlab.core.ui.UiJobs.FAMILY, null);
        ClinicalFixture.processUntil(done, 10_000);
    }
}
