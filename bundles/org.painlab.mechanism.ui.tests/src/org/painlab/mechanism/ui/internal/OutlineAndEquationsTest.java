package org.painlab.mechanism.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.painlab.mechanism.ModelLibrary;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.ui.internal.views.EquationsView;
import org.painlab.mechanism.ui.internal.views.FitView;
import org.painlab.mechanism.ui.internal.views.InterventionEditorView;
import org.painlab.mechanism.ui.internal.views.ModelOutlineView;
import org.painlab.mechanism.ui.internal.views.OutlineNode;
import org.painlab.mechanism.ui.internal.views.ParameterSlidersView;
import org.painlab.mechanism.ui.internal.views.SensitivityView;

/** The Mechanism perspective's outline of the built-in models and an opened SBML file, and the Equations view. */
class OutlineAndEquationsTest {
    @Test
    void thePerspectiveHoldsTheViewsAndTheOutlineShowsTheBuiltInModels() throws Exception {
        IWorkbenchPage page = MechanismFixture.mechanism();
        for (String id : List.of(ModelOutlineView.ID, EquationsView.ID, ParameterSlidersView.ID, InterventionEditorView.ID,
                SensitivityView.ID, FitView.ID)) {
            assertNotNull(page.findView(id), "perspective layout has " + id);
        }
        assertTrue(page.findViewReference("org.painlab.core.ui.areaPlaceholder", "mechanism") == null, "no placeholder any more");
        ModelOutlineView outline = MechanismFixture.select(page, MechanismFixture.NEURO);
        List<String> sources = outline.roots().stream().map(r -> r.model().source()).toList();
        assertEquals(new ModelLibrary().all().stream().map(ModelLibrary.Entry::id).toList(), sources.subList(0, 3),
                "the installed models first, in the registry's order");
        OutlineNode neuro = outline.roots().get(sources.indexOf(MechanismFixture.NEURO));
        Model m = neuro.model().model();
        assertNotNull(neuro.find("Species"));
        assertEquals("Species (" + m.species().size() + ")", neuro.find("Species").label());
        assertEquals(m.parameters().size(), neuro.find("Parameters").children().size());
        OutlineNode injuryTime = neuro.find("Parameters", "injury_time");
        assertEquals("1", injuryTime.value());
        assertEquals("day", injuryTime.units(), "units from the SBML file");
        OutlineNode gain = neuro.find("Parameters", "injury_size");
        assertTrue(gain.note().contains("Size of the nerve injury"), gain.note());
        assertEquals("time unit: day", neuro.units());
        OutlineNode injury = neuro.find("Events and interventions", "injury");
        assertTrue(injury.value().contains("time >= injury_time") && injury.value().contains("(t = 1)"), injury.value());
        assertEquals(5, neuro.find("Events and interventions").children().size());
        assertTrue(neuro.find("Rules").children().stream().anyMatch(r -> r.label().equals("pain")), "pain's assignment rule");

        EquationsView eq = (EquationsView) page.showView(EquationsView.ID);
        String text = eq.text();
        assertTrue(text.contains("d[M]/dt = "), text);
        assertTrue(text.contains("Assignment rules") && text.contains("\n  pain = "), text);
        assertTrue(text.contains("injury: when time >= injury_time then Inj := Inj + injury_size"), text);
        assertTrue(text.startsWith(neuro.label()), text.substring(0, 60));
        page.activate(outline);
        outline.reveal(injuryTime);
        page.setPartState(page.getReference(outline), IWorkbenchPage.STATE_MAXIMIZED);
        MechanismFixture.screenshot("mechanism-outline.png");
        page.setPartState(page.getReference(outline), IWorkbenchPage.STATE_RESTORED);
        page.activate(eq);
        page.setPartState(page.getReference(eq), IWorkbenchPage.STATE_MAXIMIZED);
        MechanismFixture.screenshot("mechanism-equations.png");
        page.setPartState(page.getReference(eq), IWorkbenchPage.STATE_RESTORED);

        // Mechanism > Model Fit, as the menu runs it
        page.hideView(page.findView(FitView.ID));
        assertTrue(page.findView(FitView.ID) == null);
        org.eclipse.ui.handlers.IHandlerService handlers = PlatformUI.getWorkbench().getService(org.eclipse.ui.handlers.IHandlerService.class);
        org.eclipse.ui.commands.ICommandService commands = PlatformUI.getWorkbench().getService(org.eclipse.ui.commands.ICommandService.class);
        var command = commands.getCommand("org.painlab.mechanism.ui.showView");
        handlers.executeCommand(org.eclipse.core.commands.ParameterizedCommand.generateCommand(command,
                java.util.Map.of("org.painlab.mechanism.ui.viewId", FitView.ID)), null);
        MechanismFixture.processEvents();
        assertNotNull(page.findView(FitView.ID), "the menu entry shows the view again");
    }

    @Test
    void anOpenedSbmlFileShowsItsReactionsAsEquations() throws Exception {
        IWorkbenchPage page = MechanismFixture.mechanism();
        ModelOutlineView outline = (ModelOutlineView) page.showView(ModelOutlineView.ID);
        Path file = MechanismFixture.sbmlCase("00001");
        outline.open(file);
        MechanismFixture.waitForJobs(ModelOutlineView.JOB_FAMILY, 30_000);
        String source = file.toAbsolutePath().toString();
        MechanismFixture.processUntil(() -> outline.roots().stream().anyMatch(r -> r.model().source().equals(source)), 10_000);
        OutlineNode opened = outline.roots().stream().filter(r -> r.model().source().equals(source)).findFirst().orElseThrow();
        int shownBefore = outline.roots().size();
        assertTrue(opened.label().endsWith("(00001-sbml-l3v2.xml)"), opened.label());
        assertEquals(opened.model(), outline.current().orElseThrow(), "the opened model is selected");
        assertEquals(1, opened.find("Reactions").children().size());
        assertTrue(opened.find("Reactions").children().get(0).value().contains("k1"), opened.find("Reactions").children().toString());
        EquationsView eq = (EquationsView) page.showView(EquationsView.ID);
        MechanismFixture.processEvents();
        String text = eq.text();
        // S1 -> S2 at rate reaction1, species as concentrations in compartment
        assertTrue(text.contains("d[S1]/dt = (- reaction1) / compartment"), text);
        assertTrue(text.contains("d[S2]/dt = (reaction1) / compartment"), text);
        assertTrue(text.contains("reaction1 = compartment * k1 * S1"), text);

        outline.open(file.resolveSibling("no-such-file.xml"));
        MechanismFixture.waitForJobs(ModelOutlineView.JOB_FAMILY, 30_000);
        MechanismFixture.processEvents();
        assertTrue(outline.status().contains("no-such-file.xml"), "a missing file is named: " + outline.status());
        assertEquals(shownBefore, outline.roots().size(), "nothing added for it");
    }
}
