package org.painlab.trial.ui.internal.handlers;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.store.TrialStore;

/** Trial > Lock Dataset...: no further edits to the trial data (audited). */
public final class LockDatasetHandler extends StudyHandler {
    static final String TITLE = "Lock dataset";

    @Override
    String title() {
        return TITLE;
    }

    @Override
    void run(Shell shell, OpenStudies studies, Study study, Replies replies) {
        InputDialog ask = new InputDialog(shell, title(), "Locking prevents every further edit of the trial data. Reason:",
                "database lock for analysis", s -> s.isBlank() ? "A reason is required" : null);
        if (ask.open() == Window.OK) {
            lock(shell, studies, study, ask.getValue().trim(), replies);
        }
    }

    /**
     * Locks the dataset in a job, then tells the views.
     *
     * @return the job
     */
    public static Job lock(Shell shell, OpenStudies studies, Study study, String reason, Replies replies) {
        String actor = AuditActor.current();
        return inJob("Locking the dataset of " + study.name(), shell, TITLE, replies, monitor -> {
            new TrialStore(study).lockDataset(actor, reason);
            return Boolean.TRUE;
        }, done -> studies.refresh());
    }
}
