package org.painlab.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.cite.CitationProviders;
import org.painlab.core.result.StoredResult;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.Table;

/**
 * A report cites references of the study's library through the core citation contract: the methods'
 * citation, each cited variable's citation after its label (once per table), and a References section
 * in every format; the formatted references are among the stored result's inputs.
 */
class ReportCitationsTest {
    @TempDir
    Path tmp;

    private static final Map<String, String> CITING = Map.of(ReportCitations.CITE, "altman1999, vickers2001",
            ReportCitations.CITE_VARIABLE + "vas", "huskisson1974");

    private Study study() throws Exception {
        Study s = Study.create(tmp.resolve("s"), "Simulated", StudySchemas.contributed());
        Files.writeString(s.filesFolder().resolve("simulated-trial.txt"), "120 5");
        Files.writeString(s.filesFolder().resolve("library.tsv"), """
                vickers2001\tVickers AJ, Altman DG. Analysing controlled trials with baseline and follow up measurements. BMJ. 2001.
                huskisson1974\tHuskisson EC. Measurement of pain. Lancet. 1974.
                altman1999\tAltman DG, Bland JM. Treatment allocation in controlled trials: why randomise? BMJ. 1999.
                """);
        return s;
    }

    @Test
    void theMethodsAndAVariableCiteAndTheReportListsTheReferences() throws Exception {
        try (Study s = study()) {
            PaperReport report = PaperTablesAnalysis.compute(s, CITING).report();
            assertEquals("(1,2)", report.references().methods());
            assertEquals(Map.of("vas", "(3)"), report.references().variables());
            assertEquals(List.of("altman1999", "vickers2001", "huskisson1974"), report.references().keys(),
                    "numbered as first cited: the methods, then the variables");
            assertEquals("3. Huskisson EC. Measurement of pain. Lancet. 1974.", report.references().entries().get(2));
            int labelled = 0;
            for (Table t : report.tables()) {
                long inTable = t.body().stream().filter(r -> first(r).endsWith(" (3)")).count();
                assertTrue(inTable <= 1, t.id() + ": the citation follows the variable's label once per table");
                labelled += (int) inTable;
            }
            assertTrue(labelled >= 1, "the VAS label carries its citation");

            String html = new HtmlReportWriter().render(report);
            assertTrue(html.contains("Statistical methods as described in (1,2).</p>"), html);
            assertTrue(html.contains("<h2>References</h2>") && html.contains(">1. Altman DG, Bland JM."), html);
            assertTrue(new DocxReportWriter().document(report).contains("3. Huskisson EC. Measurement of pain."));
            assertTrue(new LatexReportWriter().render(report).contains("\\section*{References}"));
            assertTrue(new CsvReportWriter().render(report).contains("references,huskisson1974,3. Huskisson EC."));
            assertTrue(new JsonReportWriter().render(report).replace(" ", "").contains("\"methods\":\"(1,2)\""));
            assertTrue(new RScriptWriter(null).render(report, "d.csv", "r.csv").contains("#   2. Vickers AJ"));
        }
    }

    @Test
    void theStoredResultKeepsTheReferencesAndSeesThemChange() throws Exception {
        try (Study s = study()) {
            AnalysisRunner runner = new AnalysisRunner();
            StoredResult r = runner.run(s, PaperTablesAnalysis.ID, CITING, "statistician", null);
            Map<?, ?> refs = (Map<?, ?>) r.body().get("references");
            assertEquals("(1,2)", refs.get("methods"));
            assertEquals(3, ((List<?>) refs.get("entries")).size());
            assertTrue(runner.check(s, r.id(), null).reproduced());
            Files.writeString(s.filesFolder().resolve("library.tsv"), Files.readString(s.filesFolder().resolve("library.tsv"))
                    .replace("Lancet. 1974.", "Lancet. 1974;2(7889):1127-31."));
            assertFalse(runner.check(s, r.id(), null).sameInputs(), "a corrected reference makes other inputs");
        }
    }

    @Test
    void withoutCitationsTheReportHasNoReferencesSection() throws Exception {
        try (Study s = study()) {
            PaperReport report = PaperTablesAnalysis.compute(s, Map.of()).report();
            assertFalse(report.references().any());
            assertNull(report.references().methods());
            assertFalse(new HtmlReportWriter().render(report).contains("References"));
        }
    }

    @Test
    void anUnknownVariableKeyOrMissingProviderIsNamed() throws Exception {
        try (Study s = study()) {
            StudyException e = assertThrows(StudyException.class, () -> PaperTablesAnalysis.compute(s,
                    Map.of(ReportCitations.CITE_VARIABLE + "pain_score", "huskisson1974")));
            assertTrue(e.getMessage().contains("parameter 'cite:pain_score'") && e.getMessage().contains("vas"),
                    e.getMessage());
            e = assertThrows(StudyException.class, () -> PaperTablesAnalysis.compute(s, Map.of(ReportCitations.CITE, "nobody2020")));
            assertTrue(e.getMessage().contains("'nobody2020'"), e.getMessage());
            PaperReport plain = PaperTablesAnalysis.compute(s, Map.of()).report();
            e = assertThrows(StudyException.class,
                    () -> new ReportCitations(new CitationProviders(List.of())).cite(s, CITING, plain));
            assertEquals(CitationProviders.NONE, e.getMessage());
        }
    }

    @Test
    void keysAreSplitOnCommasAndSpacesWithoutRepeats() {
        assertEquals(List.of("a", "b", "c"), ReportCitations.keys(" a, b;b  c,"));
        assertFalse(ReportCitations.asked(Map.of(ReportCitations.CITE, " , ")));
        assertTrue(ReportCitations.asked(Map.of(ReportCitations.CITE_VARIABLE + "vas", "a")));
    }

    private static String first(Row r) {
        return r.cells().isEmpty() ? "" : r.cells().get(0).text();
    }
}
