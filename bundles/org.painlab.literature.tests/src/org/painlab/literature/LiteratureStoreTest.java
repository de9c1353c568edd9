package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/** References kept in a study: audited edits, all-or-nothing imports, duplicates by the user's choice, PRISMA counts. */
class LiteratureStoreTest {
    @TempDir
    Path tmp;

    private Study study() throws StudyException {
        return Study.create(tmp.resolve("study"), "lit", StudySchemas.contributed());
    }

    private static Reference ref(String title, String doi, String pmid) {
        return Reference.builder().title(title).doi(doi).pmid(pmid).year(2023)
                .author(new Author("Wang", "Li", List.of())).build();
    }

    private static List<ReadRecord> records(Reference... refs) {
        List<ReadRecord> out = new java.util.ArrayList<>();
        for (int i = 0; i < refs.length; i++) {
            out.add(new ReadRecord(i + 1, i + 1, refs[i]));
        }
        return out;
    }

    private static List<AuditEntry> audit(Study s) throws StudyException {
        return s.read(c -> new AuditLog(c).entries(0, 1000));
    }

    @Test
    void addUpdateDeleteAreKeptAndAudited() throws Exception {
        try (Study s = study()) {
            LiteratureStore store = new LiteratureStore(s, "tester");
            Reference first = store.add(ref("Exosomes in chronic pain and neuroinflammation", "10.1000/abc1", null), "typed in");
            assertEquals("wang2023", first.key());
            Reference second = store.add(ref("Microglia and central sensitization in rats", null, null), "typed in");
            assertEquals("wang2023a", second.key(), "equal keys get a letter");
            assertEquals(2L, s.info().counts().get("references"), "study info counts references from the literature schema");

            Reference changed = first.toBuilder().journal("Pain").titleZh("外泌体与慢性疼痛").build();
            store.update(changed, "journal added");
            assertEquals("Pain", store.find("wang2023").orElseThrow().journal());
            assertEquals("外泌体与慢性疼痛", store.find("wang2023").orElseThrow().titleZh());

            store.delete("wang2023a", "not relevant");
            assertEquals(1, store.count());

            List<AuditEntry> log = audit(s);
            assertEquals(List.of("add", "add", "update", "update", "delete"), log.stream().map(AuditEntry::action).toList());
            AuditEntry journal = log.stream().filter(e -> "journal".equals(e.field())).findFirst().orElseThrow();
            assertEquals("tester", journal.actor());
            assertEquals("Pain", journal.newValue());
            assertEquals("journal added", journal.reason());
            assertEquals("wang2023a", log.get(4).entityId());
        }
    }

    @Test
    void importFindsDuplicatesByDoiPmidAndTitleAndKeepsExistingByDefault() throws Exception {
        try (Study s = study()) {
            LiteratureStore store = new LiteratureStore(s, "tester");
            store.importRecords("first.ris", "ris", records(ref("Exosomes in chronic pain and neuroinflammation", "10.1000/abc1", null),
                    ref("Microglia and central sensitization in rats", null, "123"),
                    ref("Exercise for central post-stroke pain: a trial", null, null)), 3, DuplicatePolicy.KEEP_EXISTING);
            ImportOutcome o = store.importRecords("second.nbib", "medline", records(
                    ref("A different title, same DOI", "https://doi.org/10.1000/ABC1", null),
                    ref("Another title with the same PMID", null, "123"),
                    ref("EXERCISE for central post-stroke pain — a trial.", null, null),
                    ref("A new work on ODI after discectomy", null, null),
                    ref("A new work on ODI after discectomy", null, null)), 5, DuplicatePolicy.KEEP_EXISTING);
            assertEquals(List.of("doi", "pmid", "title", "title"), o.duplicates().stream().map(Duplicate::matchedOn).toList());
            assertEquals(List.of(1, 2, 3, 5), o.duplicates().stream().map(Duplicate::record).toList());
            assertEquals(1, o.added().size(), "only the new work; its repeat in the same file is a duplicate too");
            assertEquals(4, store.count());
            assertEquals(new PrismaCounts(8, 4, 4), o.prisma());
            assertEquals(new PrismaCounts(8, 4, 4), store.prisma());
        }
    }

    @Test
    void replaceKeepsTheKeyAndKeepBothAddsAReference() throws Exception {
        try (Study s = study()) {
            LiteratureStore store = new LiteratureStore(s, "tester");
            store.importRecords("a.ris", "ris", records(ref("Exosomes in chronic pain and neuroinflammation", "10.1000/abc1", null)), 1,
                    DuplicatePolicy.KEEP_EXISTING);
            Reference better = ref("Exosomes in chronic pain and neuroinflammation", "10.1000/abc1", "35947875").toBuilder()
                    .journal("Pain").build();
            ImportOutcome replaced = store.importRecords("b.nbib", "medline", records(better), 1, DuplicatePolicy.REPLACE);
            assertEquals(List.of("wang2023"), replaced.replaced());
            assertEquals("35947875", store.find("wang2023").orElseThrow().pmid());
            assertEquals(1, store.count());
            assertEquals(new PrismaCounts(2, 0, 2), replaced.prisma());
            ImportOutcome both = store.importRecords("c.nbib", "medline", records(better), 1, DuplicatePolicy.KEEP_BOTH);
            assertEquals(List.of("wang2023a"), both.added());
            assertEquals(DuplicatePolicy.KEEP_BOTH, both.duplicates().get(0).action());
            assertEquals(2, store.count());
        }
    }

    @Test
    void aFailingImportLeavesTheStudyAsItWas() throws Exception {
        try (Study s = study()) {
            LiteratureStore store = new LiteratureStore(s, "tester");
            store.add(ref("Exosomes in chronic pain and neuroinflammation", "10.1000/abc1", null), "typed in");
            long auditBefore = audit(s).size();
            String tooLong = "x".repeat(300);
            Reference bad = Reference.builder().key(tooLong).title("A key longer than the column allows").build();
            assertThrows(StudyException.class, () -> store.importRecords("d.ris", "ris",
                    records(ref("A good new work about VAS scores", null, null), bad), 2, DuplicatePolicy.KEEP_EXISTING));
            assertEquals(1, store.count(), "the good record before the failing one is not kept");
            assertEquals(auditBefore, audit(s).size());
            assertEquals(new PrismaCounts(0, 0, 0), store.prisma());
        }
    }

    @Test
    void referencesSurviveReopening() throws Exception {
        Path dir;
        try (Study s = study()) {
            dir = s.folder();
            new LiteratureStore(s, "tester").add(Reference.builder().titleZh("外泌体在神经病理性疼痛中的作用").title("Exosomes in neuropathic pain")
                    .author(new Author("张三", null, List.of("北京大学第三医院疼痛科"))).keywordZh("外泌体").keyword("exosome")
                    .language("zh").guessed("language").build(), "pasted");
        }
        try (Study s = Study.openReadOnly(dir, StudySchemas.contributed())) {
            Reference r = new LiteratureStore(s, "tester").list().get(0);
            assertEquals("ref", r.key(), "no Latin author name and no year: a plain key");
            assertEquals(List.of("北京大学第三医院疼痛科"), r.authors().get(0).affiliations());
            assertEquals(List.of("外泌体"), r.keywordsZh());
            assertEquals(java.util.Set.of("language"), r.guessed());
            assertTrue(r.displayTitle().startsWith("Exosomes"));
        }
    }
}
