package org.painlab.trial.ui.internal.handlers;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.ui.internal.dialogs.RandomizationDialog;

/** Trial > Generate Allocation List...: generates, stores and locks the list. */
public final class RandomizeHandler extends StudyHandler {
    @Override
    String title() {
        return "Generate allocation list";
    }

    @Override
    void run(Shell shell, OpenStudies studies, Study study) throws StudyException {
        TrialStore store = new TrialStore(study);
        List<String> arms = store.arms().stream().map(Arm::code).toList();
        if (arms.size() < 2) {
            MessageDialog.openInformation(shell, title(), "The study needs at least two arms before randomization.");
            return;
        }
        if (store.allocationStatus().locked()) {
            MessageDialog.openInformation(shell, title(), "The allocation list is already locked ("
                    + store.allocationStatus().revealed() + " of " + store.allocationStatus().size() + " revealed).");
            return;
        }
        RandomizationDialog dialog = new RandomizationDialog(shell, arms);
        if (dialog.open() != Window.OK || dialog.result() == null) {
            return;
        }
        String actor = AuditActor.current();
        store.storeAllocationList(actor, dialog.result(), "generated in the workbench, seed " + dialog.result().seed());
        store.lockAllocationList(actor, "locked at generation");
        studies.refresh();
    }
}
