package org.example.painlab.pcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudyDemos;
import org.painlab.core.StudySchemas;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportSummary;
import org.painlab.trial.store.TrialStore;

class PcsAnswerSheetImporterTest {
    private static final String HEADER = "subject_id,visit,pcs1,pcs2,pcs3,pcs4,pcs5,pcs6,pcs7,pcs8,pcs9,pcs10,pcs11,pcs12,pcs13\n";

    @TempDir
    Path tmp;

    @Test
    void readerListsEveryProblemWithLineAndColumn() throws Exception {
        Path csv = Files.writeString(tmp.resolve("sheet.csv"), HEADER
                + "S001,baseline,3,2,4,3,2,1,0,4,4,3,4,2,1\n"
                + "S002,baseline,3,2,5,3,2,1,0,4,4,3,4,x,1\n"
                + ",baseline,0,0,0,0,0,0,0,0,0,0,0,0,0\n");
        ImportException e = assertThrows(ImportException.class, () -> PcsAnswerSheet.read(csv));
        List<ImportProblem> p = e.problems();
        assertEquals(3, p.size(), p.toString());
        assertEquals(new ImportProblem("sheet.csv", 3, "pcs3", p.get(0).rule()), p.get(0));
        assertTrue(p.get(0).rule().contains("out of range"), p.get(0).rule());
        assertEquals("pcs12", p.get(1).field());
        assertEquals(3, p.get(1).record());
        assertEquals(new ImportProblem("sheet.csv", 4, "subject_id", "is empty"), p.get(2));
    }

    @Test
    void aHeaderWithoutTheItemsIsRefusedNamingThem() throws Exception {
        Path csv = Files.writeString(tmp.resolve("short.csv"), "subject_id,visit,pcs1\nS1,v,1\n");
        ImportException e = assertThrows(ImportException.class, () -> PcsAnswerSheet.read(csv));
        assertEquals(12, e.problems().size());
        assertEquals("pcs2", e.problems().get(0).field());
    }

    @Test
    void importWritesTheAnswerSetsThroughTheTrialStoreAllOrNothing() throws Exception {
        Path dir = tmp.resolve("study");
        new NewStudy(StudySchemas.contributed()).create(dir, "pcs", StudyDemos.get("snrb-peld"), 7L, new NullProgressMonitor());
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            TrialStore store = new TrialStore(study);
            String subject = store.subjects().get(0).id();
            String visit = store.visitDefinitions().get(0).id();
            Path bad = Files.writeString(tmp.resolve("bad.csv"), HEADER
                    + subject + "," + visit + ",3,2,4,3,2,1,0,4,4,3,4,2,1\n"
                    + "NOBODY," + visit + ",1,1,1,1,1,1,1,1,1,1,1,1,1\n");
            ImportException e = assertThrows(ImportException.class,
                    () -> new PcsAnswerSheetImporter().importFile(study, bad, Map.of(), new NullProgressMonitor()));
            assertEquals("subject_id", e.problems().get(0).field());
            assertEquals(3, e.problems().get(0).record());
            assertEquals(Map.of(), store.answers(subject, visit, PainCatastrophizingScale.ID), "nothing imported");

            Path good = Files.writeString(tmp.resolve("good.csv"), HEADER
                    + subject + "," + visit + ",3,2,4,3,2,1,0,4,4,3,4,2,1\n");
            ImportSummary summary = new PcsAnswerSheetImporter().importFile(study, good, Map.of(), new NullProgressMonitor());
            assertEquals(Map.of("answer_sets", 1L), summary.added());
            Map<String, Double> saved = store.answers(subject, visit, PainCatastrophizingScale.ID);
            assertEquals(13, saved.size());
            assertEquals(33.0, new PainCatastrophizingScale().score(saved).score());
        }
    }
}
