package org.painlab.core.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.grid.DataGrid;

/** The Audit Trail on the workbench grid: every row loaded, filtered by who and date range, sorted, exported as shown. */
class AuditLogViewTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            studies().close(study);
        }
    }

    private static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    @Test
    void filtersByWhoAndDateRangeSortsAndExportsWhatIsShown() throws Exception {
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("audited"), "Audited", null, 0, null);
        study = studies().open(dir);
        study.transaction(c -> {
            AuditLog log = new AuditLog(c);
            for (int i = 0; i < 30; i++) {
                log.append(AuditEntry.of(i % 3 == 0 ? "alice" : "bob", "update", "answer", "S" + (i % 5), "vas", "1", "2", "test " + i));
            }
            return null;
        });
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        AuditLogView view = (AuditLogView) page.showView(AuditLogView.ID);
        view.refresh();
        long total = study.read(c -> new AuditLog(c).size());
        settle(() -> view.rowCount() == total);
        assertEquals(total, view.rowCount());
        DataGrid<AuditEntry> grid = view.grid();

        grid.setFilter("actor", "= alice");
        grid.setFilter("entityId", "= S0");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        grid.setFilter("at", today + ".." + today);
        settle(() -> true);
        assertEquals(2, view.rowCount(), "alice changed S0 twice (i = 0, 15): " + grid.shown().rows());
        assertTrue(grid.shown().rows().stream().allMatch(r -> r.get(2).equals("alice") && r.get(5).equals("S0")));
        grid.setFilter("at", "<2000-01-01");
        settle(() -> true);
        assertEquals(0, view.rowCount());
        grid.setFilter("at", null);
        grid.setFilter("entityId", null);
        grid.sort("reason", false, false);
        settle(() -> true);
        List<List<String>> rows = grid.shown().rows();
        assertEquals(10, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).get(9).compareToIgnoreCase(rows.get(i).get(9)) >= 0, "reason descending");
        }

        Path csv = tmp.resolve("audit.csv");
        grid.export(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("#,When,Who,Action,Entity,Id,Field,Old value,New value,Reason", lines.get(0));
        assertEquals(rows.size() + 1, lines.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(String.join(",", rows.get(i)), lines.get(i + 1));
        }
    }

    private static void settle(java.util.function.BooleanSupplier done) throws InterruptedException {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + 20_000;
        do {
            Job.getJobManager().join(DataGrid.JOB_FAMILY, null);
            long pause = System.currentTimeMillis() + 200;
            while (System.currentTimeMillis() < pause) {
                while (d.readAndDispatch()) {
                    // drain
                }
                Thread.sleep(10);
            }
        } while (!done.getAsBoolean() && System.currentTimeMillis() < end);
    }
}
