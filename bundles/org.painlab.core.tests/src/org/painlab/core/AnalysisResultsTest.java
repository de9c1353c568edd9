package org.painlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.data.StudyData;
import org.painlab.core.internal.CoreSchema;
import org.painlab.core.link.ItemLink;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.core.store.StudySchema;

/** An analysis contributed by a plugin runs through the runner, is stored with provenance, and re-runs the same. */
class AnalysisResultsTest {
    private static final String ANALYSIS = "org.painlab.core.tests.armMeans";
    private static final List<StudySchema> SCHEMAS = List.of(new CoreSchema(), new TestSchema());

    @TempDir
    Path tmp;

    private Study studyWithValues(String values) throws Exception {
        Study s = Study.create(tmp.resolve("s"), "Results", SCHEMAS);
        Files.writeString(s.filesFolder().resolve("values.csv"), values);
        return s;
    }

    @Test
    void storesTheResultWithItsProvenanceAndKeepsItAcrossReopening() throws Exception {
        StoredResult r;
        try (Study s = studyWithValues("s1,A,1\ns2,A,3\ns3,B,10\n")) {
            r = new AnalysisRunner().run(s, ANALYSIS, Map.of("scale", "2"), "dr.li", null);
            assertEquals(ANALYSIS, r.analysisId());
            assertEquals(Map.of("scale", "2"), r.parameters());
            assertEquals(Map.of("A", 4.0, "B", 20.0), r.body().get("means"));
            assertTrue(r.inputsHash().matches("[0-9a-f]{64}"), r.inputsHash());
            assertEquals("dr.li", r.by());
            assertTrue(r.versions().containsKey("org.painlab.core"), r.versions().toString());
            assertFalse(r.versions().get("org.painlab.core").equals("unknown"), r.versions().toString());
            assertEquals(1L, s.info().count("results"));
            List<AuditEntry> audit = s.read(c -> new AuditLog(c).entries(0, 100));
            assertTrue(audit.stream().anyMatch(a -> a.entity().equals("result") && a.entityId().equals(Long.toString(r.id()))
                    && a.actor().equals("dr.li")), audit.toString());
        }
        try (Study s = Study.open(tmp.resolve("s"), SCHEMAS)) {
            List<StoredResult> all = new ResultStore(s).list();
            assertEquals(1, all.size());
            StoredResult back = all.get(0);
            assertEquals(r.id(), back.id());
            assertEquals(r.inputsHash(), back.inputsHash());
            assertEquals(r.versions(), back.versions());
            assertEquals(r.body(), back.body());
            assertEquals("Result " + r.id() + ": Mean value per arm", new LinkTargets().resolve(s, "result", Long.toString(r.id())).orElseThrow());
        }
    }

    @Test
    void reRunningGivesTheSameNumbersAndAChangeOfInputsIsSeen() throws Exception {
        try (Study s = studyWithValues("s1,A,1.5\ns2,B,2.25\ns3,B,7\n")) {
            AnalysisRunner runner = new AnalysisRunner();
            StoredResult first = runner.run(s, ANALYSIS, Map.of(), "a", null);
            AnalysisRunner.Check check = runner.check(s, first.id(), null);
            assertTrue(check.reproduced(), check.toString());

            StoredResult again = runner.run(s, ANALYSIS, Map.of(), "b", null);
            assertEquals(first.id(), again.id(), "an identical run is not stored twice");
            StoredResult scaled = runner.run(s, ANALYSIS, Map.of("scale", "3"), "a", null);
            assertNotEquals(first.id(), scaled.id());
            assertEquals(2, new ResultStore(s).list().size());

            Files.writeString(s.filesFolder().resolve("values.csv"), "s1,A,1.5\ns2,B,2.25\ns3,B,8\n");
            AnalysisRunner.Check changed = runner.check(s, first.id(), null);
            assertFalse(changed.sameInputs());
            assertFalse(changed.sameBody());
            assertFalse(changed.reproduced());
        }
    }

    @Test
    void unknownAnalysesAndMissingDataAreNamed() throws Exception {
        try (Study s = Study.create(tmp.resolve("empty"), "Empty", SCHEMAS)) {
            StudyException unknown = assertThrows(StudyException.class,
                    () -> new AnalysisRunner().run(s, "no.such.analysis", Map.of(), "a", null));
            assertTrue(unknown.getMessage().contains("unknown analysis 'no.such.analysis'")
                    && unknown.getMessage().contains(ANALYSIS), unknown.getMessage());
            StudyException noData = assertThrows(StudyException.class,
                    () -> new AnalysisRunner().run(s, ANALYSIS, Map.of(), "a", null));
            assertTrue(noData.getMessage().contains("no installed plugin provides subject-level data"), noData.getMessage());
            assertEquals(0, new ResultStore(s).list().size(), "a failed run stores nothing");
            assertEquals(1, new StudyData().aggregates(s).size(), "aggregates come through the contract too");
        }
    }

    @Test
    void linksResolveBothEndsAndAreListedFromEitherSide() throws Exception {
        try (Study s = studyWithValues("s1,A,1\ns2,B,2\n")) {
            StoredResult a = new AnalysisRunner().run(s, ANALYSIS, Map.of(), "a", null);
            StoredResult b = new AnalysisRunner().run(s, ANALYSIS, Map.of("scale", "10"), "a", null);
            LinkTargets links = new LinkTargets();
            ItemLink l = links.link(s, "result", Long.toString(b.id()), "result", Long.toString(a.id()), "a");
            assertEquals(List.of(l.id()), links.linksOf(s, "result", Long.toString(a.id())).stream().map(ItemLink::id).toList());
            assertEquals(List.of(l.id()), links.linksOf(s, "result", Long.toString(b.id())).stream().map(ItemLink::id).toList());
            StudyException dangling = assertThrows(StudyException.class,
                    () -> links.link(s, "result", "999", "result", Long.toString(a.id()), "a"));
            assertTrue(dangling.getMessage().contains("no result '999'"), dangling.getMessage());
            StudyException unknownType = assertThrows(StudyException.class, () -> links.resolve(s, "planet", "x"));
            assertTrue(unknownType.getMessage().contains("unknown link target 'planet'"), unknownType.getMessage());
        }
    }
}
