package org.painlab.stats.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.painlab.core.data.SubjectData;
import org.painlab.core.io.JsonText;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.SimulatedTrial;
import org.painlab.stats.plan.TestCatalog;
import org.painlab.stats.report.JsonReportWriter;

/** Tables built on several threads (large data) are the same report as built one after another. */
class PaperTablesParallelTest {

    @Test
    void parallelAndSequentialBuildsGiveTheSameReport() {
        SubjectData data = SimulatedTrial.generate(3000, 20261202L, true);
        AnalysisPlan plan = AnalysisPlan.defaultFor(data);
        PaperReport sequential = new PaperTables(TestCatalog.installed(), Integer.MAX_VALUE).build(data, plan);
        PaperReport parallel = new PaperTables(TestCatalog.installed(), 0).build(data, plan);
        assertEquals(JsonText.write(JsonReportWriter.toJsonMap(sequential)), JsonText.write(JsonReportWriter.toJsonMap(parallel)),
                "same tables, tests, reasons, P values and effects in the same order");
    }
}
