package org.painlab.trial.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.painlab.core.ui.OpenStudies;

/** Data Entry opened before any study or subject is selected, as at a first start. */
class DataEntryFirstStateTest {

    @Test
    void openedWithNothingSelectedItSaysWhatToDoAndListsNoForms() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective("org.painlab.perspective.clinical",
                PlatformUI.getWorkbench().getActiveWorkbenchWindow());
        OpenStudies studies = PlatformUI.getWorkbench().getService(OpenStudies.class);
        var before = studies.selected().orElse(null);
        var subjectBefore = studies.selectedSubject().orElse(null);
        var open = page.findViewReference(DataEntryView.ID);
        if (open != null) {
            page.hideView(open);
        }
        studies.select(null, null);
        try {
            DataEntryView entry = (DataEntryView) page.showView(DataEntryView.ID);
            while (Display.getCurrent().readAndDispatch()) {
                // let the view settle
            }
            // (the first window used to show an empty heading and an empty list here)
            assertEquals("Select a subject in the Subject Grid to enter data.", entry.heading());
            assertFalse(entry.fillings().visible(), "no subject: no repeated-forms list");
            assertEquals(List.of(), entry.fillings().lines());
        } finally {
            if (before != null && studies.studies().contains(before)) {
                studies.select(before, subjectBefore);
            }
        }
    }
}
