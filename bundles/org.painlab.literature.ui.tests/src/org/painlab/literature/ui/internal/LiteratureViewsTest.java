package org.painlab.literature.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.UiThreadGuard;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.ui.UiJobs;
import org.painlab.core.ui.grid.DataGrid;
import org.painlab.literature.DuplicatePolicy;
import org.painlab.literature.ImportOutcome;
import org.painlab.literature.LiteratureFormats;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.Note;
import org.painlab.literature.NoteStore;
import org.painlab.literature.Reference;
import org.painlab.literature.SearchFilter;
import org.painlab.literature.SearchHit;
import org.painlab.literature.ui.internal.handlers.ImportDialog;
import org.painlab.literature.ui.internal.handlers.PasteDialog;
import org.painlab.literature.ui.internal.handlers.ReferenceImport;
import org.painlab.literature.ui.internal.views.CollectionsView;
import org.painlab.literature.ui.internal.views.LibraryView;
import org.painlab.literature.ui.internal.views.LinksView;
import org.painlab.literature.ui.internal.views.NotesView;
import org.painlab.literature.ui.internal.views.ReferenceEditorView;

/** Each Literature view driven as a user would, with screenshots of the perspective in both languages. */
class LiteratureViewsTest {
    private static final String CNKI_PAGE = """
            首页 > 期刊 > 中国疼痛医学杂志



            中文题名：外泌体在神经病理性疼痛中的作用研究进展
            英文题名：Research progress of exosomes in neuropathic pain
            作者：张三1，李四2，王五1,2
            单位：1. 北京大学第三医院疼痛科，北京 100191；2. 首都医科大学宣武医院麻醉科，北京 100053
            摘要：外泌体是细胞分泌的细胞外囊泡，可携带微小RNA和蛋白质。
            \t近年研究表明外泌体参与神经炎症和中枢敏化。
            Abstract: Exosomes are extracellular vesicles secreted by cells that carry microRNAs and proteins.
            关键词：外泌体；神经病理性疼痛；神经炎症；中枢敏化
            Keywords: exosome; neuropathic pain; neuroinflammation; central sensitization
            DOI：10.3969/j.issn.1006-9852.2023.01.005
            基金：国家自然科学基金（81971234）
            来源：中国疼痛医学杂志, 2023, 29(01): 25-31


            引证文献
            [1] 赵六. 外泌体与腰椎间盘突出症疼痛[J]. 中华骨科杂志, 2024, 44(2): 100-105. DOI：10.3760/cma.j.cn121113-20240101-00001
            """;

    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            LiteratureFixture.studies().close(study);
        }
    }

    private LibraryView library(IWorkbenchPage page) throws Exception {
        LibraryView library = (LibraryView) page.showView(LibraryView.ID);
        library.search("", SearchFilter.none());
        LiteratureFixture.waitForJobs(LibraryView.JOB_FAMILY, 30_000);
        LiteratureFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        LiteratureFixture.processUntil(() -> library.grid().rowCount() == 3, 10_000);
        return library;
    }

    @Test
    void theLibraryListsReferencesInTheirLanguageAndSearchHighlightsMatches() throws Exception {
        IWorkbenchPage page = LiteratureFixture.literature();
        study = LiteratureFixture.library(tmp.resolve("lib"));
        LibraryView library = library(page);
        DataGrid<LibraryRow> grid = library.grid();
        assertEquals(3, grid.rowCount());
        assertEquals(List.of("Key", "Authors", "Year", "Title", "Journal", "Tags"), grid.shown().headers());
        List<String> zh = grid.shown().rows().stream().filter(r -> r.get(0).equals("zhang2023")).findFirst().orElseThrow();
        assertEquals(List.of("zhang2023", "张三, 李四", "2023", "外泌体在神经病理性疼痛中的作用研究进展", "中国疼痛医学杂志", "exosome, 中文"), zh,
                "a Chinese reference shows its Chinese title");

        library.search("外泌体", SearchFilter.none());
        LiteratureFixture.waitForJobs(LibraryView.JOB_FAMILY, 30_000);
        LiteratureFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        LiteratureFixture.processUntil(() -> !library.lastHits().isEmpty(), 10_000);
        assertEquals(Set.of("zhang2023", "n1"), Set.copyOf(library.lastHits().stream().map(SearchHit::key).toList()),
                "the Chinese reference and the note on it");
        assertEquals(1, grid.shownRowCount(), "the grid shows the matching references");
        List<String> marked = marked(library.hits());
        assertFalse(marked.isEmpty(), library.hits().getText());
        assertTrue(marked.stream().allMatch(w -> w.equals("外泌体")), marked.toString());
        assertTrue(library.hits().getText().contains("Note n1"), library.hits().getText());
        assertTrue(library.status().contains("1 references, 1 notes"), library.status());

        library.search("VAS", SearchFilter.none());
        LiteratureFixture.waitForJobs(LibraryView.JOB_FAMILY, 30_000);
        LiteratureFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        LiteratureFixture.processUntil(() -> library.lastHits().size() == 2, 10_000);
        assertEquals(Set.of("wang2023", "zhang2023"), Set.copyOf(library.lastHits().stream().map(SearchHit::key).toList()),
                "the acronym in English keywords and inside Chinese text");

        library.search("exosomes OR 外泌体", new SearchFilter(null, null, null, null, "review"));
        LiteratureFixture.waitForJobs(LibraryView.JOB_FAMILY, 30_000);
        LiteratureFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        LiteratureFixture.processUntil(() -> library.lastHits().size() == 1, 10_000);
        assertEquals(List.of("wang2023"), library.lastHits().stream().map(SearchHit::key).toList(), "the tag filter");

        library.search("外泌体", SearchFilter.none());
        LiteratureFixture.waitForJobs(LibraryView.JOB_FAMILY, 30_000);
        LiteratureFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        LiteratureFixture.processUntil(() -> library.lastHits().size() == 2, 10_000);
        Path png = LiteratureFixture.screenshot("library-search.png");
        assertTrue(Files.size(png) > 10_000, "a real screenshot");

        Path csv = tmp.resolve("shown.csv");
        grid.export(csv);
        String exported = Files.readString(csv);
        assertTrue(exported.contains("外泌体在神经病理性疼痛中的作用研究进展") && !exported.contains("chen2022"),
                "export writes what is shown: " + exported);
    }

    private static List<String> marked(StyledText t) {
        List<String> out = new ArrayList<>();
        for (StyleRange r : t.getStyleRanges()) {
            if (r.background != null && r.background.equals(t.getDisplay().getSystemColor(SWT.COLOR_YELLOW))) {
                out.add(t.getText(r.start, r.start + r.length - 1));
            }
        }
        return out;
    }

    @Test
    void theReferenceEditorSavesAndUndoesTheLastSave() throws Exception {
        IWorkbenchPage page = LiteratureFixture.literature();
        study = LiteratureFixture.library(tmp.resolve("edit"));
        LibraryView library = library(page);
        ReferenceEditorView editor = (ReferenceEditorView) page.showView(ReferenceEditorView.ID);
        page.showView(LibraryView.ID);
        library.grid().sort("key", true, false);
        LiteratureFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        int row = -1;
        for (int i = 0; i < library.grid().shownRowCount(); i++) {
            if (library.grid().shownRow(i).key().equals("zhang2023")) {
                row = i;
            }
        }
        library.grid().selectRows(row);
        LiteratureFixture.processEvents();
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        assertEquals("exosome, 中文", editor.tagText(), "the reference's tags, read in a job");
        assertEquals("外泌体在神经病理性疼痛中的作用研究进展", editor.form().text("title_zh"));
        assertEquals("张三 | 北京大学第三医院疼痛科\n李四", editor.form().text("authors"));

        editor.form().setText("volume", "29");
        editor.form().setText("issue", "01");
        editor.form().setText("pages", "25-31");
        editor.form().setText("keywords_zh", "外泌体; 神经病理性疼痛; 中枢敏化");
        editor.setTags("exosome, 待读");
        UiThreadGuard.Recording guard = UiThreadGuard.record();
        assertTrue(editor.save(), editor.status());
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        assertEquals("Saved zhang2023.", editor.status());
        assertEquals(List.of("exosome", "待读"), new org.painlab.literature.TagStore(study, null).tagsOf("reference", "zhang2023"),
                "tag 中文 removed, 待读 added");
        Reference saved = new LiteratureStore(study, null).find("zhang2023").orElseThrow();
        assertEquals("29", saved.volume());
        assertEquals(List.of("外泌体", "神经病理性疼痛", "中枢敏化"), saved.keywordsZh());
        assertEquals(List.of("北京大学第三医院疼痛科"), saved.authors().get(0).affiliations(), "affiliations survive the form");
        page.showView(ReferenceEditorView.ID);
        LiteratureFixture.screenshot("reference-editor.png");

        editor.form().setText("year", "20x3");
        assertFalse(editor.save());
        assertTrue(editor.status().contains("Year"), editor.status());

        assertTrue(editor.undo(), editor.status());
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        guard.close();
        assertEquals(List.of(), guard.through("ReferenceEditorView"), "the editor reads and writes in jobs");
        Reference undone = new LiteratureStore(study, null).find("zhang2023").orElseThrow();
        assertNull(undone.volume(), "the last save is undone");
        assertEquals(List.of("外泌体", "神经病理性疼痛"), undone.keywordsZh());
        assertEquals("", editor.form().text("volume"));
        assertEquals(List.of("exosome", "中文"), new org.painlab.literature.TagStore(study, null).tagsOf("reference", "zhang2023"),
                "the tags are as before the last save: 中文 back, 待读 gone");
        assertEquals("exosome, 中文", editor.tagText(), "the editor shows the restored tags");
    }

    @Test
    void theLibraryCopiesTheCitationAndBibliographyOfTheSelectionInTheChosenStyle() throws Exception {
        IWorkbenchPage page = LiteratureFixture.literature();
        study = LiteratureFixture.library(tmp.resolve("cite"));
        LibraryView library = library(page);
        assertNull(library.copy(false), "nothing selected");
        assertTrue(library.status().contains("Select the references"), library.status());
        library.grid().sort("key", true, false);
        LiteratureFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < library.grid().shownRowCount(); i++) {
            if (!library.grid().shownRow(i).key().equals("chen2022")) {
                rows.add(i);
            }
        }
        library.grid().selectRows(rows.stream().mapToInt(Integer::intValue).toArray());
        LiteratureFixture.processUntil(() -> library.selection().size() == 2, 5_000);
        library.chooseStyle("gbt7714");
        assertEquals("gbt7714", library.styleName());
        assertEquals("[1,2]", library.copy(false));
        assertEquals("[1,2]", clipboardText(), "the citation is on the clipboard");
        String bibliography = library.copy(true);
        List<String> entries = List.of(bibliography.split(System.lineSeparator()));
        assertEquals(2, entries.size(), bibliography);
        assertTrue(entries.get(0).startsWith("[1] WANG L, SMITH J A. Exosomes in chronic pain"), entries.get(0));
        assertTrue(entries.get(1).startsWith("[2] 张三, 李四. 外泌体在神经病理性疼痛中的作用研究进展[J]"),
                "each entry in its reference's language: " + entries.get(1));
        assertEquals(bibliography, clipboardText());
        library.chooseStyle("apa");
        String apa = library.copy(false);
        assertTrue(apa.startsWith("(Wang") && apa.contains("2023; 张三") && apa.endsWith("2023)"), apa);
        assertTrue(library.status().replace("&&", "&").endsWith(apa), "the status shows what was copied, '&' as itself: "
                + library.status());
        Path png = LiteratureFixture.screenshot("library-copy-citation.png");
        assertTrue(Files.size(png) > 10_000, "a real screenshot");
    }

    private static String clipboardText() {
        org.eclipse.swt.dnd.Clipboard c = new org.eclipse.swt.dnd.Clipboard(PlatformUI.getWorkbench().getDisplay());
        try {
            return (String) c.getContents(org.eclipse.swt.dnd.TextTransfer.getInstance());
        } finally {
            c.dispose();
        }
    }

    @Test
    void thePasteDialogShowsExtractedFieldsWithGuessesMarkedAndSaves() throws Exception {
        LiteratureFixture.literature();
        study = LiteratureFixture.library(tmp.resolve("paste"));
        PasteDialog dialog = new PasteDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), study);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            dialog.paste(CNKI_PAGE);
            LiteratureFixture.processEvents();
            var form = dialog.form();
            assertEquals("外泌体在神经病理性疼痛中的作用研究进展", form.text("title_zh"));
            assertEquals("Research progress of exosomes in neuropathic pain", form.text("title"));
            assertEquals("中国疼痛医学杂志", form.text("journal"));
            assertEquals("2023", form.text("year"));
            assertEquals("29", form.text("volume"));
            assertEquals("10.3969/j.issn.1006-9852.2023.01.005", form.text("doi"));
            assertTrue(form.text("authors").startsWith("张三 | 北京大学第三医院疼痛科，北京 100191"), form.text("authors"));
            assertEquals("zh", form.text("language"));
            assertTrue(form.markedGuessed("language"), "the language was not stated on the page");
            assertFalse(form.markedGuessed("title_zh"), "labelled fields are not marked");
            assertEquals("", form.text("pmid"), "nothing invented");
            Path png = LiteratureFixture.save(dialog.getShell(), "paste-dialog.png");
            assertTrue(Files.size(png) > 10_000);

            form.setText("language", "zh");
            form.setText("pages", "25-31");
            try (UiThreadGuard.Recording guard = UiThreadGuard.record()) {
                assertTrue(dialog.saveNow(), String.valueOf(dialog.error()));
                LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
                assertEquals(List.of(), guard.through("PasteDialog"), "the reference is stored in a job");
            }
            Reference r = dialog.saved();
            assertNotNull(r, String.valueOf(dialog.error()));
            assertEquals("ref2023", r.key(), "no Latin name: ref and the year");
            Reference stored = new LiteratureStore(study, null).find(r.key()).orElseThrow();
            assertEquals("中国疼痛医学杂志", stored.journal());
            assertEquals(Set.of("language"), stored.guessed(), "the guess is kept with the reference");
        } finally {
            dialog.close();
        }
    }

    @Test
    void theNotesEditorPreviewsMarkdownAndLinksShowBacklinks() throws Exception {
        IWorkbenchPage page = LiteratureFixture.literature();
        study = LiteratureFixture.library(tmp.resolve("notes"));
        library(page);
        NotesView notes = (NotesView) page.showView(NotesView.ID);
        LinksView links = (LinksView) page.showView(LinksView.ID);
        UiThreadGuard.Recording guard = UiThreadGuard.record();
        notes.showReference(study, "wang2023");
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        notes.newNote();
        notes.type("Cohort comparison", "# 研究要点 Key points\n\n- **VAS** fell by 2 points\n- see [张三 2023](reference:zhang2023)\n\n> check table 2",
                "method, 待读");
        StyledText preview = notes.preview().control();
        assertTrue(preview.getText().startsWith("研究要点 Key points\n"), preview.getText());
        StyleRange heading = preview.getStyleRangeAtOffset(0);
        assertNotNull(heading, "the heading is styled");
        int base = preview.getFont().getFontData()[0].getHeight();
        assertTrue(heading.font != null && heading.font.getFontData()[0].getHeight() > base
                && (heading.font.getFontData()[0].getStyle() & SWT.BOLD) != 0, "the heading is larger and bold");
        int vas = preview.getText().indexOf("VAS");
        assertEquals(SWT.BOLD, preview.getStyleRangeAtOffset(vas).fontStyle & SWT.BOLD);
        assertTrue(preview.getText().contains("• VAS fell by 2 points"), preview.getText());
        StyleRange link = preview.getStyleRangeAtOffset(preview.getText().indexOf("张三 2023"));
        assertTrue(link.underline, "a link is underlined");
        assertEquals("reference:zhang2023", link.data);

        assertTrue(notes.save(), notes.status());
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        Note saved = notes.note();
        assertNotNull(saved, notes.status());
        assertEquals("Saved note " + saved.key() + ".", notes.status());
        assertEquals("wang2023", saved.referenceKey());
        assertTrue(notes.link("reference", "zhang2023"), notes.status());
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        assertEquals("Linked " + saved.key() + " to reference zhang2023.", notes.status());
        notes.link("result", "999");
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        assertTrue(notes.status().startsWith("Not linked") && notes.status().contains("'999'"), "no such result: " + notes.status());
        // the links are read in a job, not on the UI thread
        LiteratureFixture.processUntil(() -> links.heading().startsWith("Links of note " + saved.key() + ": 1"), 20_000);
        assertEquals(1, links.rows().size(), links.heading());
        assertEquals("reference", links.rows().get(0)[1]);

        links.show(study, "reference", "zhang2023");
        LiteratureFixture.processUntil(() -> links.heading().startsWith("Links of reference zhang2023"), 20_000);
        assertEquals(List.of("linked from", "note", saved.key()), List.of(links.rows().get(0)).subList(0, 3),
                "the backlink on the reference");
        assertTrue(new LinkTargets().linksOf(study, "reference", "zhang2023").size() == 1);
        assertEquals(List.of("method", "待读"), new org.painlab.literature.TagStore(study, null).tagsOf(NoteStore.ENTITY, saved.key()));
        page.showView(NotesView.ID);
        page.showView(LinksView.ID);
        LiteratureFixture.screenshot("notes.png");

        ReferenceEditorView editor = (ReferenceEditorView) page.showView(ReferenceEditorView.ID);
        page.showView(NotesView.ID);
        assertEquals("reference:zhang2023", notes.preview().follow(preview.getText().indexOf("张三 2023") + 1));
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        assertEquals("zhang2023", editor.form().text("key"), "following a reference link opens it in the editor");
        assertNull(notes.preview().follow(0), "no link on the heading");
        guard.close();
        assertEquals(List.of(), guard.through("NotesView"), "the notes are read, saved, linked and followed in jobs");
        assertEquals(List.of(), guard.through("ReferenceEditorView"), "the editor reads the tags in a job");
    }

    @Test
    void collectionsNestAndNarrowTheLibrary() throws Exception {
        IWorkbenchPage page = LiteratureFixture.literature();
        study = LiteratureFixture.library(tmp.resolve("collections"));
        LibraryView library = library(page);
        UiThreadGuard.Recording guard = UiThreadGuard.record();
        CollectionsView collections = (CollectionsView) page.showView(CollectionsView.ID);
        collections.create("Exosome review", null);
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        String review = collections.selectedKey();
        assertEquals("exosome-review", review, collections.status());
        collections.create("纳入研究 included", review);
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        String included = collections.selectedKey();
        assertEquals("included", included, collections.status());
        collections.change(included, List.of("zhang2023"), true);
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        assertTrue(collections.status().startsWith("1 references in included"), collections.status());
        collections.change(review, List.of("wang2023"), true);
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        assertFalse(collections.status().contains("wang2023"), collections.status());
        collections.change(review, List.of("nobody1999"), true);
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        assertTrue(collections.status().contains("nobody1999"), collections.status());

        collections.select(included);
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        LiteratureFixture.waitForJobs(LibraryView.JOB_FAMILY, 30_000);
        LiteratureFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        LiteratureFixture.processUntil(() -> library.grid().shownRowCount() == 1, 10_000);
        assertEquals("zhang2023", library.grid().shownRow(0).key());
        collections.select(review);
        LiteratureFixture.waitForJobChain(UiJobs.FAMILY, 30_000);
        LiteratureFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        LiteratureFixture.processUntil(() -> library.grid().shownRowCount() == 2, 10_000);
        assertEquals(2, library.grid().shownRowCount(), "a collection shows the references inside its sub-collections too");
        assertTrue(library.status().contains("in Exosome review"), library.status());
        LiteratureFixture.screenshot("collections.png");
        collections.select(null);
        LiteratureFixture.waitForJobs(DataGrid.JOB_FAMILY, 30_000);
        LiteratureFixture.processUntil(() -> library.grid().shownRowCount() == 3, 10_000);
        assertEquals(3, library.grid().shownRowCount(), "the whole library again");
        guard.close();
        assertEquals(List.of(), guard.through("CollectionsView"), "the collections are read and changed in jobs");
        assertEquals(List.of(), guard.through("LibraryView"), "the library and its tags are read in jobs");
    }

    @Test
    void importIsAllOrNothingWhenRecordsAreBad() throws Exception {
        LiteratureFixture.literature();
        study = LiteratureFixture.library(tmp.resolve("import"));
        Path nbib = tmp.resolve("pubmed.nbib");
        Files.writeString(nbib, """
                PMID- 35947875
                DP  - 2023 Mar 1
                TI  - Exosomes in chronic pain: mechanisms of neuroinflammation.
                LID - 10.1097/j.pain.0000000000002750 [doi]
                FAU - Wang, Li

                PMID- 3600000l
                DP  - 2024
                TI  - Exercise for low back pain: a randomised trial of graded activity.
                FAU - Chen, Jing

                PMID- 36000002
                DP  - 2024
                TI  - Pulsed radiofrequency of the dorsal root ganglion for zoster pain.
                FAU - Li, Hua
                """);
        ReferenceImport imports = new ReferenceImport();
        ImportDialog dialog = new ImportDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), imports.formats());
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.choose(nbib.toString(), "medline", DuplicatePolicy.KEEP_EXISTING);
        LiteratureFixture.save(dialog.getShell(), "import-dialog.png");
        dialog.confirm();
        assertEquals(nbib, dialog.file());
        assertEquals("medline", dialog.format());

        LiteratureFormats.FileScan read = imports.read(dialog.file(), dialog.format());
        assertEquals(1, read.problems().size());
        assertEquals(3, read.recordsRead());
        String question = ReferenceImport.question(read);
        assertTrue(question.contains("record 2") && question.contains("PMID") && question.contains("2 good records"), question);
        assertNull(imports.store(study, "test", read, dialog.policy(), false), "the user chose nothing");
        assertEquals(3, new LiteratureStore(study, null).count());
        ImportOutcome o = imports.store(study, "test", read, dialog.policy(), true);
        assertEquals(1, o.added().size(), "the good records; the first is a duplicate of wang2023 (same DOI)");
        assertEquals("wang2023", o.duplicates().get(0).existingKey());
        assertTrue(ReferenceImport.summary(o, read).contains("1 bad records left out"));
        assertEquals(4, new LiteratureStore(study, null).count());
    }
}
