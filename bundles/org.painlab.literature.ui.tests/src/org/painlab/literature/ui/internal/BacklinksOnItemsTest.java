package org.painlab.literature.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudyDemos;
import org.painlab.core.StudySchemas;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.ui.link.ItemLinksSection;
import org.painlab.literature.Note;
import org.painlab.literature.NoteStore;
import org.painlab.literature.ui.internal.views.NotesView;

/**
 * A note linked to a subject or a model parameter shows as a backlink on that item, in the item's own view
 * (Data Entry, Model Outline), through core.ui's links section (the Result view's is tested in core.ui). The views of the other
 * areas are opened by id and their links section found through {@code getAdapter}: literature knows none of
 * their classes (trial, trial.ui, mechanism and mechanism.ui are only installed beside it for this test).
 */
class BacklinksOnItemsTest {
    private static final String DATA_ENTRY = "org.painlab.trial.ui.dataEntry";
    private static final String MODEL_OUTLINE = "org.painlab.mechanism.ui.outline";
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            LiteratureFixture.studies().close(study);
        }
    }

    /** The demo trial (subjects SIM-001...) with notes, opened and selected. */
    private Study demo(String name) throws Exception {
        Path dir = Files.createDirectories(tmp).resolve(name);
        new NewStudy(StudySchemas.contributed()).create(dir, name, StudyDemos.get("snrb-peld"), 7L, new NullProgressMonitor());
        return LiteratureFixture.studies().open(dir);
    }

    private static ItemLinksSection links(IViewPart view) {
        ItemLinksSection s = view.getAdapter(ItemLinksSection.class);
        assertNotNull(s, view.getTitle() + " shows the links of its item");
        return s;
    }

    /** The window as a user sees it, the pointer away from the views so no tooltip covers them. */
    private static Path screenshot(String name) throws Exception {
        PlatformUI.getWorkbench().getDisplay().setCursorLocation(1590, 990);
        return LiteratureFixture.screenshot(name);
    }

    private static void waitFor(ItemLinksSection s, String line) throws Exception {
        LiteratureFixture.processUntil(() -> !s.loading() && s.lines().contains(line), 20_000);
        assertTrue(s.lines().contains(line), "'" + line + "' in " + s.lines() + " (" + s.heading() + ")");
    }

    @Test
    void aNoteLinkedToASubjectShowsInDataEntryAndANewLinkAppearsAtOnce() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective("org.painlab.perspective.clinical",
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        page.resetPerspective();
        study = demo("subject-links");
        assertTrue(new LinkTargets().resolve(study, "subject", "SIM-001").isPresent(), "the demo's first subject");
        Note first = new NoteStore(study, "test").add(null, "Screening remark", "Radicular pain since March.", "test");
        new LinkTargets().link(study, NoteStore.ENTITY, first.key(), "subject", "SIM-001", "test");

        IViewPart entry = page.showView(DATA_ENTRY);
        ItemLinksSection section = links(entry);
        LiteratureFixture.studies().select(study, "SIM-001");
        waitFor(section, "linked from Note " + first.key() + ": Screening remark");
        assertEquals("subject:SIM-001", section.item());
        assertEquals(1, section.items().size());

        // a link made in the Notes view while Data Entry is open: the section reads its links again by itself
        NotesView notes = (NotesView) page.showView(NotesView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
        notes.showAll(study);
        notes.newNote();
        notes.type("Follow-up call", "Pain 3/10 at day 90.", "");
        assertTrue(notes.link("subject", "SIM-001"), notes.status());
        LiteratureFixture.processUntil(() -> !section.loading() && section.items().size() == 2, 20_000);
        assertEquals(2, section.items().size(), section.lines().toString());
        assertTrue(section.lines().get(1).matches("linked from Note n\\d+: Follow-up call"), section.lines().toString());
        assertTrue(section.heading().startsWith("Links of subject SIM-001: 0 out, 2 in"), section.heading());

        page.activate(entry);
        Path png = screenshot("backlinks-subject.png");
        assertTrue(Files.size(png) > 10_000, "screenshot " + png);

        LiteratureFixture.studies().select(study, "SIM-002");
        LiteratureFixture.processUntil(() -> !section.loading() && "subject:SIM-002".equals(section.item()), 20_000);
        assertEquals(List.of(), section.lines(), "another subject: none of these links");
        assertTrue(section.heading().contains("subject:SIM-002"), "says how to link to it: " + section.heading());
    }

    @Test
    void aNoteLinkedToAModelParameterShowsInTheModelOutline() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective("org.painlab.perspective.mechanism",
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        page.resetPerspective();
        study = LiteratureFixture.library(tmp.resolve("parameter-links"));
        Note n = new NoteStore(study, "test").add("wang2023", "Healing rate", "Half-life of about a week.", "test");
        String key = "neuroinflammation-sensitization#k_heal";
        new LinkTargets().link(study, NoteStore.ENTITY, n.key(), "parameter", key, "test");

        IViewPart outline = page.showView(MODEL_OUTLINE);
        ItemLinksSection section = links(outline);
        TreeViewer viewer = (TreeViewer) outline.getSite().getSelectionProvider();
        LiteratureFixture.processUntil(() -> viewer.getTree().getItemCount() >= 3, 60_000);
        viewer.expandAll();
        TreeItem row = find(viewer.getTree().getItems(), "k_heal");
        assertNotNull(row, "the parameter's row in the outline");
        viewer.setSelection(new StructuredSelection(row.getData()), true);
        waitFor(section, "linked from Note " + n.key() + ": Healing rate");
        assertEquals("parameter:" + key, section.item());
        Path png = screenshot("backlinks-parameter.png");
        assertTrue(Files.size(png) > 10_000, "screenshot " + png);
    }

    /** The first row (depth first) whose name is {@code id} or starts with "id ". */
    private static TreeItem find(TreeItem[] items, String id) {
        for (TreeItem i : items) {
            if (i.getText().equals(id) || i.getText().startsWith(id + " ")) {
                return i;
            }
            TreeItem deeper = find(i.getItems(), id);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }
}
