package org.painlab.trial.ui.internal.dialogs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/** The allocation list dialog previews exactly what it will store and refuses impossible settings. */
class RandomizationDialogTest {

    @Test
    void previewFollowsTheSettingsAndRefusesBlocksThatDoNotFitTheRatio() {
        RandomizationDialog dialog = new RandomizationDialog(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), List.of("S", "P"));
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            dialog.fill(40, "1:1", "4,6", 11L);
            assertNotNull(dialog.result());
            assertEquals(40, dialog.result().size());
            assertEquals(11L, dialog.result().seed());
            int s = dialog.result().armCounts().get("S");
            int p = dialog.result().armCounts().get("P");
            assertEquals(40, s + p);
            assertTrue(Math.abs(s - p) <= 3, "permuted blocks of 4 and 6: only the last, cut block can be unbalanced, by at most 3");

            dialog.fill(40, "2:1", "4", 11L);
            assertNull(dialog.result(), "a block of 4 cannot hold a 2:1 ratio");
            assertTrue(dialog.getErrorMessage() != null && !dialog.getErrorMessage().isBlank());
        } finally {
            dialog.close();
        }
    }
}
