package org.painlab.trial.ui.internal.handlers;

import java.time.LocalDate;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.store.TrialStore;

/** Trial > Enroll Subject...: reveals the next allocation for a new pseudonymous subject id. */
public final class EnrollHandler extends StudyHandler {
    static final String TITLE = "Enroll subject";

    @Override
    String title() {
        return TITLE;
    }

    @Override
    void run(Shell shell, OpenStudies studies, Study study, Replies replies) {
        InputDialog ask = new InputDialog(shell, title(), "Pseudonymous study id of the new subject (no names):", "",
                s -> s.matches("[A-Za-z0-9_-]{1,50}") ? null : "Letters, digits, '-' and '_' only");
        if (ask.open() != Window.OK) {
            return;
        }
        enroll(shell, studies, study, ask.getValue(), replies);
    }

    /**
     * Enrolls {@code subjectId} in a job (the allocation is revealed and audited there), then selects
     * the new subject and tells its arm.
     *
     * @return the job
     */
    public static Job enroll(Shell shell, OpenStudies studies, Study study, String subjectId, Replies replies) {
        String actor = AuditActor.current();
        return inJob("Enrolling " + subjectId + " in " + study.name(), shell, TITLE, replies,
                monitor -> new TrialStore(study).enroll(actor, subjectId, null, LocalDate.now()), s -> {
                    studies.select(study, s.id());
                    studies.refresh();
                    replies.info(TITLE, "Subject " + s.id() + " is allocated to arm " + s.armCode() + " (allocation "
                            + s.allocationSeq() + ").");
                });
    }
}
