package org.painlab.stats.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.TestCatalog;

/** A user can cancel the paper tables between tables; an uncancelled monitor changes nothing. */
class PaperTablesCancelTest {

    /** Cancels itself once {@code after} cancellation checks have passed. */
    private static final class CancelAfter extends NullProgressMonitor {
        private int left;

        CancelAfter(int after) {
            left = after;
        }

        @Override
        public boolean isCanceled() {
            if (left-- <= 0) {
                setCanceled(true);
            }
            return super.isCanceled();
        }
    }

    @Test
    void cancelledMidwayStopsAndAnUncancelledRunIsTheSame() {
        SubjectData data = PaperTablesTest.small();
        AnalysisPlan plan = AnalysisPlan.defaultFor(data);
        PaperTables tables = new PaperTables(TestCatalog.installed());
        assertThrows(OperationCanceledException.class, () -> tables.build(data, plan, new CancelAfter(0)));
        assertThrows(OperationCanceledException.class, () -> tables.build(data, plan, new CancelAfter(2)),
                "cancelled after two tables: the loop checks before every table");
        PaperReport plain = tables.build(data, plan);
        PaperReport monitored = tables.build(data, plan, new CancelAfter(Integer.MAX_VALUE));
        assertEquals(plain.tables().size(), monitored.tables().size());
        for (int i = 0; i < plain.tables().size(); i++) {
            assertEquals(plain.tables().get(i).body().size(), monitored.tables().get(i).body().size());
        }
    }
}
