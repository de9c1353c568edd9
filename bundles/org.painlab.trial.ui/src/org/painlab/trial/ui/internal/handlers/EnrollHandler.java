package org.painlab.trial.ui.internal.handlers;

import java.time.LocalDate;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;

/** Trial > Enroll Subject...: reveals the next allocation for a new pseudonymous subject id. */
public final class EnrollHandler extends StudyHandler {
    @Override
    String title() {
        return "Enroll subject";
    }

    @Override
    void run(Shell shell, OpenStudies studies, Study study) throws StudyException {
        InputDialog ask = new InputDialog(shell, title(), "Pseudonymous study id of the new subject (no names):", "",
                s -> s.matches("[A-Za-z0-9_-]{1,50}") ? null : "Letters, digits, '-' and '_' only");
        if (ask.open() != Window.OK) {
            return;
        }
        Subject s = new TrialStore(study).enroll(AuditActor.current(), ask.getValue(), null, LocalDate.now());
        studies.select(study, s.id());
        studies.refresh();
        MessageDialog.openInformation(shell, title(), "Subject " + s.id() + " is allocated to arm " + s.armCode()
                + " (allocation " + s.allocationSeq() + ").");
    }
}
