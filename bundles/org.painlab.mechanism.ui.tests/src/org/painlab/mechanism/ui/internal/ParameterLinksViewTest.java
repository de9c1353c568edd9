package org.painlab.mechanism.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudySchemas;
import org.painlab.core.UiThreadGuard;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.core.ui.link.ItemLinksSection;
import org.painlab.mechanism.ModelLibrary;
import org.painlab.mechanism.ui.internal.views.ModelOutlineView;
import org.painlab.mechanism.ui.internal.views.OutlineNode;

/**
 * Selecting a parameter in the Model Outline lists its links and backlinks in the selected study (link target
 * {@code parameter}); a parameter of an SBML file can be linked only when the file is in the study folder.
 */
class ParameterLinksViewTest {
    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            MechanismFixture.studies().close(study);
        }
    }

    private static OutlineNode root(ModelOutlineView outline, String source) {
        return outline.roots().stream().filter(r -> r.model().source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + source + " in the outline"));
    }

    @Test
    void aParameterShowsWhatLinksToItAndAFileParameterNeedsTheStudyFolder() throws Exception {
        IWorkbenchPage page = MechanismFixture.mechanism();
        Path dir = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("study"), "Mechanism notes", null, 0, null);
        study = MechanismFixture.studies().open(dir);
        StoredResult fit = new ResultStore(study).add(new StoredResult(0, "org.painlab.mechanism.fit", "Fit of the healing rate",
                Map.of(), "ab".repeat(32), Map.of("org.painlab.mechanism", "0.1.0"), null, "dr.li", Map.of()));
        new LinkTargets().link(study, "result", Long.toString(fit.id()), "parameter",
                MechanismFixture.NEURO + "#k_heal", "dr.li");

        UiThreadGuard.Recording guard = UiThreadGuard.record();
        ModelOutlineView outline = MechanismFixture.select(page, MechanismFixture.NEURO);
        ItemLinksSection links = outline.getAdapter(ItemLinksSection.class);
        assertNotNull(links);
        assertEquals(null, links.item(), "a model row is not a parameter: " + links.heading());
        outline.reveal(root(outline, MechanismFixture.NEURO).find("Parameters", "k_heal"));
        MechanismFixture.processUntil(() -> !links.loading() && links.items().size() == 1, 20_000);
        assertEquals("parameter:" + MechanismFixture.NEURO + "#k_heal", links.item());
        assertEquals(List.of("linked from Result " + fit.id() + ": Fit of the healing rate"), links.lines());

        // a parameter without links says which key a note's link takes
        outline.reveal(root(outline, MechanismFixture.NEURO).find("Parameters", "k_M_act"));
        MechanismFixture.processUntil(() -> !links.loading() && links.item().endsWith("#k_M_act"), 20_000);
        assertEquals(List.of(), links.lines());
        assertTrue(links.heading().contains("parameter:" + MechanismFixture.NEURO + "#k_M_act"), links.heading());

        // the same model as a file: outside the study it cannot be linked, inside it is keyed by its path there
        String sbml = new ModelLibrary().text(MechanismFixture.NEURO).orElseThrow();
        Path outside = Files.writeString(tmp.resolve("copy.xml"), sbml, StandardCharsets.UTF_8);
        MechanismFixture.waitForJobs(ModelOutlineView.JOB_FAMILY, 30_000);
        outline.open(outside);
        MechanismFixture.waitForJobs(ModelOutlineView.JOB_FAMILY, 30_000);
        outline.reveal(root(outline, outside.toAbsolutePath().toString()).find("Parameters", "k_heal"));
        MechanismFixture.processEvents();
        assertEquals(null, links.item());
        assertTrue(links.heading().startsWith("The model file is outside the study folder"), links.heading());

        Path inside = Files.createDirectories(dir.resolve("models")).resolve("neuro.xml");
        Files.writeString(inside, sbml, StandardCharsets.UTF_8);
        outline.open(inside);
        MechanismFixture.waitForJobs(ModelOutlineView.JOB_FAMILY, 30_000);
        outline.reveal(root(outline, inside.toAbsolutePath().toString()).find("Parameters", "k_heal"));
        MechanismFixture.processUntil(() -> !links.loading() && "parameter:models/neuro.xml#k_heal".equals(links.item()), 20_000);
        assertEquals("parameter:models/neuro.xml#k_heal", links.item());
        assertEquals(List.of(), links.lines(), "another model's parameter: the built-in's links are not its links");
        guard.close();
        assertEquals(List.of(), guard.through("ModelOutlineView"), "the outline reads in jobs");
        assertEquals(List.of(), guard.through("ItemLinksSection"), "the links are read in a job");
    }
}
