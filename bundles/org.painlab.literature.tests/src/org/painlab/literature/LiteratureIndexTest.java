package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.literature.internal.text.PastedTextParser;

/** Full-text search over Chinese and English references: words, acronyms, filters, highlights, a current index. */
class LiteratureIndexTest {
    @TempDir
    Path tmp;

    private static List<Reference> library() {
        PastedTextParser p = new PastedTextParser();
        return List.of(
                p.parse(Resources.text("pages/cnki-exosome.txt")).withKey("zhang2023"),
                p.parse(Resources.text("pages/cnki-stroke-exercise.txt")).withKey("chen2022"),
                p.parse(Resources.text("pages/pubmed-exosomes.txt")).withKey("wang2023"),
                p.parse(Resources.text("pages/publisher-neuroinflammation.txt")).withKey("miller2022"),
                p.parse(Resources.text("pages/digest-habenula-zh.txt")).withKey("lhb2024"));
    }

    private static List<String> keys(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::key).sorted().toList();
    }

    @Test
    void chineseWordsFindChineseReferencesWithHighlights() throws Exception {
        try (LiteratureIndex index = LiteratureIndex.build(library(), null, "t")) {
            List<SearchHit> hits = index.search("外泌体", SearchFilter.none(), 10);
            assertEquals("zhang2023", hits.get(0).key());
            assertTrue(hits.get(0).highlights().get("title_zh").contains("<b>外泌体</b>"), hits.get(0).highlights().toString());
            assertEquals(List.of("lhb2024"), keys(index.search("抑郁", SearchFilter.none(), 10)));
        }
    }

    @Test
    void englishWordsAreStemmedAndAcronymsStayFindable() throws Exception {
        try (LiteratureIndex index = LiteratureIndex.build(library(), null, "t")) {
            assertEquals(List.of("miller2022", "wang2023", "zhang2023"), keys(index.search("neuroinflammation", SearchFilter.none(), 10)));
            assertTrue(keys(index.search("exosome", SearchFilter.none(), 10)).containsAll(List.of("wang2023", "zhang2023")),
                    "exosome finds exosomes");
            // VAS is in an English abstract (wang2023) and inside Chinese text "（VAS）" (chen2022)
            assertEquals(List.of("chen2022", "wang2023"), keys(index.search("VAS", SearchFilter.none(), 10)));
            assertEquals(List.of("miller2022", "wang2023"), keys(index.search("ODI", SearchFilter.none(), 10)));
            SearchHit chen = index.search("VAS", SearchFilter.none(), 10).stream().filter(h -> h.key().equals("chen2022"))
                    .findFirst().orElseThrow();
            assertTrue(chen.highlights().values().stream().anyMatch(s -> s.contains("<b>VAS</b>")), chen.highlights().toString());
        }
    }

    @Test
    void filtersByYearJournalAndLanguage() throws Exception {
        try (LiteratureIndex index = LiteratureIndex.build(library(), null, "t")) {
            assertEquals(List.of("wang2023", "zhang2023"), keys(index.search("exosome OR 外泌体", new SearchFilter(2023, 2023, null, null), 10)));
            assertEquals(List.of("zhang2023"), keys(index.search("exosome OR 外泌体", new SearchFilter(null, null, null, "zh"), 10)));
            assertEquals(List.of("wang2023"), keys(index.search("exosome OR 外泌体", new SearchFilter(null, null, "Pain", null), 10)));
            assertEquals(0, index.count("exosome", new SearchFilter(1990, 2000, null, null)));
            assertEquals(List.of(), keys(index.search("unbalanced \"quote", SearchFilter.none(), 10)), "bad syntax is searched as words");
        }
    }

    @Test
    void theStudyIndexIsRebuiltWhenTheLibraryChanges() throws Exception {
        try (Study s = Study.create(tmp.resolve("study"), "lit", StudySchemas.contributed())) {
            LiteratureStore store = new LiteratureStore(s, "tester");
            store.add(library().get(0), "pasted");
            LibrarySearch search = new LibrarySearch(s);
            try (LiteratureIndex index = search.open()) {
                assertEquals(1, index.count("外泌体", SearchFilter.none()));
            }
            String first = LiteratureIndex.versionIn(search.folder());
            store.add(library().get(2), "pasted");
            try (LiteratureIndex index = search.open()) {
                assertEquals(2, index.count("exosome OR 外泌体", SearchFilter.none()));
            }
            assertNotEquals(first, LiteratureIndex.versionIn(search.folder()));
        }
    }
}
