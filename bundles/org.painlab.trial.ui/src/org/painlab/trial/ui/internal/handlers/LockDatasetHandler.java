package org.painlab.trial.ui.internal.handlers;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.store.TrialStore;

/** Trial > Lock Dataset...: no further edits to the trial data (audited). */
public final class LockDatasetHandler extends StudyHandler {
    @Override
    String title() {
        return "Lock dataset";
    }

    @Override
    void run(Shell shell, OpenStudies studies, Study study) throws StudyException {
        InputDialog ask = new InputDialog(shell, title(), "Locking prevents every further edit of the trial data. Reason:",
                "database lock for analysis", s -> s.isBlank() ? "A reason is required" : null);
        if (ask.open() == Window.OK) {
            new TrialStore(study).lockDataset(AuditActor.current(), ask.getValue().trim());
            studies.refresh();
        }
    }
}
