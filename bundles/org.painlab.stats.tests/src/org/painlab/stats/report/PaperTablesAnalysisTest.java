package org.painlab.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.analysis.Analyses;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;

/** The paper tables run as a contributed analysis on data from the core contract, stored and re-runnable. */
class PaperTablesAnalysisTest {
    @TempDir
    Path tmp;

    private Study simulated(String spec) throws Exception {
        Study s = Study.create(tmp.resolve("s"), "Simulated", StudySchemas.contributed());
        Files.writeString(s.filesFolder().resolve("simulated-trial.txt"), spec);
        return s;
    }

    @Test
    void isContributedAndStoresItsTablesWithProvenance() throws Exception {
        assertTrue(new Analyses().find(PaperTablesAnalysis.ID).isPresent(), "contributed through org.painlab.core.analyses");
        try (Study s = simulated("120 5")) {
            StoredResult r = new AnalysisRunner().run(s, PaperTablesAnalysis.ID,
                    Map.of(PaperTablesAnalysis.POPULATION, "PP"), "statistician", null);
            assertEquals("PP", r.body().get("population"));
            assertEquals(PaperTablesAnalysis.compute(s, Map.of(PaperTablesAnalysis.POPULATION, "PP")).report().tables().size(),
                    ((List<?>) r.body().get("tables")).size());
            assertTrue(r.versions().containsKey("org.painlab.stats"), r.versions().toString());
            assertTrue(r.versions().containsKey("org.painlab.stats.tests") || r.versions().containsKey("org.painlab.stats"),
                    "the providing bundle is recorded: " + r.versions());
            assertEquals(1, new ResultStore(s).list().size());
        }
    }

    @Test
    void aStoredResultReRunsToTheSameNumbers() throws Exception {
        try (Study s = simulated("200 11")) {
            String plan = "{\"overrides\": {\"vas\": {\"test\": \"t-welch\", \"comparison\": \"between\"}}}";
            AnalysisRunner runner = new AnalysisRunner();
            StoredResult r = runner.run(s, PaperTablesAnalysis.ID, Map.of(PaperTablesAnalysis.PLAN, plan), "a", null);
            AnalysisRunner.Check check = runner.check(s, r.id(), null);
            assertTrue(check.sameInputs());
            assertTrue(check.sameBody(), "same tables, same P values to the last digit");
            Files.writeString(s.filesFolder().resolve("simulated-trial.txt"), "200 12");
            assertFalse(runner.check(s, r.id(), null).reproduced(), "other data, other inputs hash");
        }
    }

    @Test
    void aWrongParameterIsNamedAndNothingIsStored() throws Exception {
        try (Study s = simulated("60 3")) {
            StudyException e = assertThrows(StudyException.class, () -> new AnalysisRunner().run(s, PaperTablesAnalysis.ID,
                    Map.of(PaperTablesAnalysis.POPULATION, "mITT"), "a", null));
            assertTrue(e.getMessage().contains("parameter 'population'") && e.getMessage().contains("mITT"), e.getMessage());
            assertEquals(0, new ResultStore(s).list().size());
        }
    }
}
