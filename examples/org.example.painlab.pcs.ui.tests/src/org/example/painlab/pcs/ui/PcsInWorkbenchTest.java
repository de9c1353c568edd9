package org.example.painlab.pcs.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudyDemos;
import org.painlab.core.StudySchemas;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VisitDefinition;
import org.painlab.core.ui.ScreenCapture;

/**
 * The example plug-in seen from the workbench, through its public surface only: a lab schedules
 * the PCS, and the Data Entry view offers it and shows its items.
 */
class PcsInWorkbenchTest {
    private static final String DATA_ENTRY = "org.painlab.trial.ui.dataEntry";

    @TempDir
    Path tmp;
    private Study study;

    @AfterEach
    void close() {
        if (study != null) {
            studies().close(study);
        }
    }

    private static OpenStudies studies() {
        return PlatformUI.getWorkbench().getService(OpenStudies.class);
    }

    @Test
    void dataEntryOffersThePcsWithItsThirteenItems() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective("org.painlab.perspective.clinical",
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        Path dir = tmp.resolve("pcs-study");
        new NewStudy(StudySchemas.contributed()).create(dir, "pcs", StudyDemos.get("snrb-peld"), 7L, new NullProgressMonitor());
        Study opened = studies().open(dir);
        study = opened;
        TrialStore store = new TrialStore(opened);
        Subject subject = store.subjects().get(0);
        VisitDefinition first = store.visitDefinitions().get(0);
        store.schedule("pcs-ui-test", subject.armCode(), first.id(), "pcs");
        assertNotNull(page.showView(DATA_ENTRY));
        studies().select(opened, subject.id());
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setSize(1400, 900);
        page.toggleZoom(page.findViewReference(DATA_ENTRY));
        processUntil(() -> false, 1500); // let the study's refresh events settle before choosing

        Combo[] instrument = new Combo[1];
        processUntil(() -> (instrument[0] = find(shell, Combo.class,
                c -> Arrays.asList(c.getItems()).contains("Pain Catastrophizing Scale"))) != null, 20_000);
        assertNotNull(instrument[0], "no instrument choice offers the Pain Catastrophizing Scale; combos: " + combos(shell));
        instrument[0].select(instrument[0].indexOf("Pain Catastrophizing Scale"));
        instrument[0].notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        processUntil(() -> find(shell, Label.class, l -> l.getText().contains("I worry all the time")) != null, 10_000);
        processUntil(() -> false, 800);
        assertEquals("Pain Catastrophizing Scale", instrument[0].getText(), "still chosen after the view settled");
        assertNotNull(find(shell, Label.class, l -> l.getText().contains("I worry all the time")),
                "the PCS form shows item 1");
        assertNotNull(find(shell, Label.class, l -> l.getText().contains("I wonder whether something serious")),
                "the PCS form shows item 13");
        screenshot(shell);
    }

    private static <T extends Control> T find(Control root, Class<T> type, Predicate<T> test) {
        if (root.isDisposed()) {
            return null;
        }
        if (type.isInstance(root) && root.isVisible() && test.test(type.cast(root))) {
            return type.cast(root);
        }
        if (root instanceof Composite c) {
            for (Control child : c.getChildren()) {
                T found = find(child, type, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> combos(Control root) {
        List<String> out = new ArrayList<>();
        find(root, Combo.class, c -> {
            out.add(Arrays.toString(c.getItems()));
            return false;
        });
        return out;
    }

    private static void processUntil(BooleanSupplier done, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        Display d = Display.getCurrent();
        while (!done.getAsBoolean() && System.currentTimeMillis() < end) {
            while (d.readAndDispatch()) {
                // drain
            }
            Thread.sleep(20);
        }
    }

    private static void screenshot(Shell shell) throws Exception {
        Path out = Path.of(System.getProperty("painlab.screenshot", "target/pcs-data-entry.png"));
        ScreenCapture.save(shell, out);
        assertTrue(Files.size(out) > 10_000, "screenshot " + out);
    }
}
