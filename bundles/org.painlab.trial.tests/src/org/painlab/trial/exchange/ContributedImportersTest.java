package org.painlab.trial.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.core.extension.Contribution;
import org.painlab.core.importer.Importer;
import org.painlab.core.importer.Importers;
import org.painlab.trial.internal.exchange.TrialImporter;

/** Trial's importers are found in the org.painlab.core.importers registry by format and by file ending. */
class ContributedImportersTest {
    private final Importers importers = new Importers();

    private List<Contribution<Importer>> trials() {
        return importers.contributions().stream().filter(c -> c.contributor().equals("org.painlab.trial")).toList();
    }

    @Test
    void theFourTrialFormatsAreContributed() throws Exception {
        assertEquals(List.of("csv", "odm", "redcap", "xlsx"), trials().stream().map(Importers::format).sorted().toList());
        for (Contribution<Importer> c : trials()) {
            TrialImporter t = (TrialImporter) c.get();
            assertEquals(Importers.format(c), t.format().code(), c.id() + ": the format it declares is the one it reads");
        }
    }

    @Test
    void aFileEndingCallsForItsImporter() {
        assertEquals("csv", format(Path.of("/data/trial.CSV")), "the importer named like the ending wins over REDCap");
        assertEquals("csv", format(Path.of("trial.tsv")));
        assertEquals("xlsx", format(Path.of("trial.xlsx")));
        assertEquals("odm", format(Path.of("export.xml")));
        assertTrue(importers.forFile(Path.of("notes.docx")).isEmpty());
        assertTrue(importers.forFile(Path.of("/")).isEmpty());
        assertEquals("org.painlab.trial.import.redcap", importers.byFormat(" REDCap ").orElseThrow().id());
        assertEquals(List.of("csv", "tsv", "txt"), Importers.extensions(importers.byFormat("csv").orElseThrow()));
    }

    private String format(Path file) {
        return Importers.format(importers.forFile(file).orElseThrow(() -> new AssertionError("no importer for " + file)));
    }
}
