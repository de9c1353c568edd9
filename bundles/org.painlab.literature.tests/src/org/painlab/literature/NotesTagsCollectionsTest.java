package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.link.ItemLink;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/** Notes (audited, linked, searched), tags (search filter) and nested collections kept in a study. */
class NotesTagsCollectionsTest {
    @TempDir
    Path tmp;

    private Study study() throws StudyException {
        return Study.create(tmp.resolve("study"), "lit", StudySchemas.contributed());
    }

    private static Reference ref(String title, String titleZh, String language) {
        return Reference.builder().title(title).titleZh(titleZh).language(language).year(2023)
                .author(new Author("Wang", "Li", List.of())).build();
    }

    private static List<AuditEntry> audit(Study s, String entity) throws StudyException {
        return s.read(c -> new AuditLog(c).entries(0, 1000)).stream().filter(e -> e.entity().equals(entity)).toList();
    }

    @Test
    void notesAreWrittenEditedDeletedAndAudited() throws Exception {
        try (Study s = study()) {
            String key = new LiteratureStore(s, "t").add(ref("Exosomes in chronic pain", null, "en"), "typed").key();
            NoteStore notes = new NoteStore(s, "reader");
            Note on = notes.add(key, null, "# Main finding\n\nVAS fell by 2 points.", "reading");
            Note alone = notes.add(null, "Ideas", "外泌体 and microglia", "thinking");
            assertEquals("n1", on.key());
            assertEquals("n2", alone.key());
            assertEquals("Main finding", on.displayTitle(), "a note without title shows its first heading");
            assertEquals(List.of("n1"), notes.of(key).stream().map(Note::key).toList());

            Note edited = notes.edit("n1", "Finding", "VAS fell by 3 points.", "re-read table 2");
            assertEquals("VAS fell by 3 points.", notes.find("n1").orElseThrow().body());
            assertEquals("Finding", edited.title());
            notes.delete("n2", "merged");
            assertFalse(notes.find("n2").isPresent());
            assertEquals("n3", notes.add(null, null, "later", "x").key(), "a deleted note's key is not reused");

            List<AuditEntry> rows = audit(s, "note");
            assertEquals(List.of("add", "add", "update", "update", "delete", "add"), rows.stream().map(AuditEntry::action).toList());
            assertTrue(rows.get(3).oldValue().contains("VAS fell by 2 points."), "the body's old text is kept");
            assertEquals("re-read table 2", rows.get(2).reason());
            StudyException blank = assertThrows(StudyException.class, () -> notes.add(null, null, "  ", "x"));
            assertTrue(blank.getMessage().contains("text"), blank.getMessage());
            StudyException noRef = assertThrows(StudyException.class, () -> notes.add("nobody2020", null, "x", "x"));
            assertTrue(noRef.getMessage().contains("nobody2020"), noRef.getMessage());
        }
    }

    @Test
    void notesLinkToReferencesWithBacklinks() throws Exception {
        try (Study s = study()) {
            String key = new LiteratureStore(s, "t").add(ref("Exosomes in chronic pain", null, "en"), "typed").key();
            Note n = new NoteStore(s, "reader").add(null, null, "Compare with our cohort", "x");
            LinkTargets targets = new LinkTargets();
            assertEquals("Wang (2023) Exosomes in chronic pain", targets.resolve(s, "reference", key).orElseThrow());
            assertEquals("Note n1: Compare with our cohort", targets.resolve(s, "note", "n1").orElseThrow());
            targets.link(s, "note", n.key(), "reference", key, "reader");
            List<ItemLink> back = targets.linksOf(s, "reference", key);
            assertEquals(1, back.size());
            assertEquals("n1", back.get(0).fromKey(), "the reference shows the note linking to it");
            StudyException gone = assertThrows(StudyException.class, () -> targets.link(s, "note", "n1", "reference", "none1999", "r"));
            assertTrue(gone.getMessage().contains("none1999"), gone.getMessage());
        }
    }

    @Test
    void tagsAreAuditedAndFilterSearchesOverReferencesAndNotes() throws Exception {
        try (Study s = study()) {
            LiteratureStore store = new LiteratureStore(s, "t");
            String en = store.add(ref("Exosomes in chronic pain and neuroinflammation", null, "en"), "x").key();
            String zh = store.add(ref(null, "外泌体在神经病理性疼痛中的作用", "zh"), "x").key();
            NoteStore notes = new NoteStore(s, "r");
            notes.add(zh, null, "## 要点\n外泌体 lowered VAS in rats; ODI not reported", "x");
            TagStore tags = new TagStore(s, "r");
            assertEquals(List.of("review", "to-read"), tags.change("reference", en, List.of("to-read", " review "), List.of(), "x"));
            tags.change("reference", zh, List.of("review"), List.of(), "x");
            tags.change("note", "n1", List.of("method"), List.of(), "x");
            assertEquals(List.of("review"), tags.change("reference", en, List.of(), List.of("to-read"), "done"));
            assertEquals(java.util.Map.of("review", 2, "method", 1), tags.counts());
            assertEquals(List.of("tag", "tag", "tag", "untag"),
                    audit(s, "reference").stream().map(AuditEntry::action).filter(a -> a.contains("tag")).toList());
            assertThrows(StudyException.class, () -> tags.change("reference", "none", List.of("x"), List.of(), "x"));

            try (LiteratureIndex index = new LibrarySearch(s).open()) {
                List<SearchHit> hits = index.search("外泌体", SearchFilter.none(), 10);
                assertEquals(Set.of(zh, "n1"), Set.copyOf(hits.stream().map(SearchHit::key).toList()),
                        "a Chinese word finds the reference and the note");
                SearchHit note = hits.stream().filter(h -> h.kind().equals(SearchHit.NOTE)).findFirst().orElseThrow();
                assertTrue(note.highlights().get("abstract_zh").contains("<b>外泌体</b>"), note.highlights().toString());
                assertEquals(List.of("n1"), index.search("VAS", SearchFilter.none(), 10).stream().map(SearchHit::key).toList(),
                        "an acronym in a note is found as written");
                assertEquals(List.of("n1"), index.search("外泌体", new SearchFilter(null, null, null, null, "method"), 10)
                        .stream().map(SearchHit::key).toList());
                assertEquals(Set.of(en, zh), Set.copyOf(index.search("exosomes OR 外泌体", new SearchFilter(null, null, null, null,
                        "review"), 10).stream().map(SearchHit::key).toList()));
                assertEquals(0, index.count("外泌体", new SearchFilter(null, null, null, null, "to-read")));
            }
            notes.edit("n1", null, "nothing about rats", "x");
            try (LiteratureIndex index = new LibrarySearch(s).open()) {
                assertEquals(List.of(zh), index.search("外泌体", SearchFilter.none(), 10).stream().map(SearchHit::key).toList(),
                        "an edited note is re-indexed");
            }
        }
    }

    @Test
    void collectionsNestAndKeepReferences() throws Exception {
        try (Study s = study()) {
            LiteratureStore store = new LiteratureStore(s, "t");
            String a = store.add(ref("Exosomes in chronic pain and neuroinflammation", null, "en"), "x").key();
            String b = store.add(ref(null, "外泌体在神经病理性疼痛中的作用", "zh"), "x").key();
            CollectionStore cs = new CollectionStore(s, "r");
            ReferenceCollection review = cs.create("Exosome review", null, "x");
            ReferenceCollection included = cs.create("Included studies", review.key(), "x");
            ReferenceCollection zhOnly = cs.create("中文文献", review.key(), "x");
            assertEquals("exosome-review", review.key());
            assertEquals("collection", zhOnly.key(), "a name without Latin letters gets a plain key");
            cs.add(review.key(), List.of(a), "x");
            assertEquals(List.of(a, b), cs.add(included.key(), List.of(b, a, b), "x").referenceKeys());
            assertEquals(Set.of(a, b), cs.referencesUnder(review.key()));
            assertEquals(List.of(b), cs.remove(included.key(), List.of(a), "x").referenceKeys());
            assertEquals(List.of("exosome-review", "included-studies", "collection"),
                    cs.list().stream().map(ReferenceCollection::key).toList(), "parents before children");
            StudyException noRef = assertThrows(StudyException.class, () -> cs.add(review.key(), List.of("zz"), "x"));
            assertTrue(noRef.getMessage().contains("'zz'"), noRef.getMessage());
            cs.delete(review.key(), "review dropped");
            assertTrue(cs.list().isEmpty(), "collections inside a deleted one go with it");
            assertEquals(2, store.count(), "references stay in the library");
            assertEquals(List.of("add", "add", "add", "add", "add", "add", "remove", "delete"),
                    audit(s, "collection").stream().map(AuditEntry::action).toList());
        }
    }
}
