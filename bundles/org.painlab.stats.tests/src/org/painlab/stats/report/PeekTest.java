package org.painlab.stats.report;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.painlab.stats.plan.AnalysisData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.SimulatedTrial;
import org.painlab.stats.plan.TestCatalog;

@Tag("peek")
class PeekTest {
    @Test
    void peek() throws Exception {
        AnalysisData data = SimulatedTrial.generate(80, 42);
        AnalysisPlan plan = AnalysisPlan.defaultFor(data);
        for (String ext : new String[] {"html", "csv", "json", "tex", "docx", "R"}) {
            ReportRunner.run(data, plan, Path.of("/tmp/dev-plan/out/report." + ext), TestCatalog.builtin());
        }
    }
}
