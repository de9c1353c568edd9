package org.painlab.trial.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.link.ItemLinksSection;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.ui.internal.views.DataEntryView;

/** Data Entry lists the selected subject's links and backlinks, and reads them again when a link is made. */
class SubjectLinksTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            ClinicalFixture.studies().close(study);
        }
    }

    @Test
    void dataEntryShowsTheSelectedSubjectsLinks() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        study = ClinicalFixture.openDemo(tmp, "links");
        Subject first = new TrialStore(study).subjects().stream().filter(s -> s.armCode() != null).findFirst().orElseThrow();
        LinkTargets targets = new LinkTargets();
        targets.link(study, "visit", first.id() + "/day3", "subject", first.id(), "test");
        DataEntryView entry = (DataEntryView) page.showView(DataEntryView.ID);
        ItemLinksSection links = entry.getAdapter(ItemLinksSection.class);
        assertNotNull(links);
        ClinicalFixture.studies().select(study, first.id());
        ClinicalFixture.processUntil(() -> !links.loading() && links.items().size() == 1, 20_000);
        assertEquals("subject:" + first.id(), links.item());
        assertTrue(links.lines().get(0).matches("linked from 3 days after surgery of Subject " + first.id() + " \\(arm \\w+\\)"),
                links.lines().toString());

        // a result linked to the subject in a job elsewhere: the notice makes the section read the links again
        StoredResult r = new ResultStore(study).add(new StoredResult(0, "com.example.analysis", "Case report", Map.of(),
                "ab".repeat(32), Map.of("org.painlab.core", "0.1.0"), null, "test", Map.of()));
        targets.link(study, "result", Long.toString(r.id()), "subject", first.id(), "test");
        ClinicalFixture.studies().linksChanged(study);
        ClinicalFixture.processUntil(() -> !links.loading() && links.items().size() == 2, 20_000);
        assertEquals("linked from Result " + r.id() + ": Case report", links.lines().get(1));

        ClinicalFixture.studies().select(study, null);
        ClinicalFixture.processEvents();
        assertEquals(null, links.item(), "no subject selected: no links");
        assertEquals(List.of(), links.lines());
    }
}
