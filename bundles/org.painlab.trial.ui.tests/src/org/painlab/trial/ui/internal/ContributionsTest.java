package org.painlab.trial.ui.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;

/** The Clinical contributions load without a single logged complaint, and every view opens. */
class ContributionsTest {

    @Test
    void clinicalViewsAreThereAndNothingIsLoggedAgainstOurPlugins() throws Exception {
        IWorkbenchPage page = ClinicalFixture.clinical();
        for (String id : List.of("org.painlab.trial.ui.subjectGrid", "org.painlab.trial.ui.dataEntry",
                "org.painlab.trial.ui.screening", "org.painlab.trial.ui.consort", "org.painlab.trial.ui.repeatedForms")) {
            assertNotNull(page.findViewReference(id), id + " is in the Clinical perspective");
            assertNotNull(page.showView(id), id + " opens");
        }
        // the frame's Audit Trail is not open at start; it opens beside Repeated Forms, at the bottom
        IViewPart audit = page.showView("org.painlab.core.ui.auditLog");
        assertTrue(Arrays.asList(page.getViewStack(audit)).contains(page.findView("org.painlab.trial.ui.repeatedForms")),
                "the Audit Trail opens in Repeated Forms' folder");
        ClinicalFixture.processEvents();
        Path log = Platform.getLogFileLocation().toFile().toPath();
        if (Files.exists(log)) {
            String text = Files.readString(log);
            assertTrue(!text.contains("Plugin org.painlab") && !text.contains("Unable to process element"),
                    "the error log names a broken PainLab contribution:\n" + text);
        }
    }
}
