package org.painlab.core.ui.internal.actions;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.NewStudy;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.ui.OpenStudies;

/** Runs study creation as a job with progress and opens the result on the UI thread. */
final class StudyJobs {
    private StudyJobs() {
    }

    static void createAndOpen(Shell shell, OpenStudies studies, Path dir, String name) {
        Display display = shell.getDisplay();
        Job job = Job.create("Creating study " + name, (IProgressMonitor monitor) -> {
            try {
                new NewStudy(StudySchemas.contributed()).create(dir, name, null, 0L, monitor);
            } catch (StudyException e) {
                display.asyncExec(() -> MessageDialog.openError(shell, "New Study", e.getMessage()));
                return Status.error(e.getMessage(), e);
            }
            display.asyncExec(() -> open(shell, studies, dir));
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    static void open(Shell shell, OpenStudies studies, Path dir) {
        try {
            studies.open(dir);
        } catch (StudyException e) {
            MessageDialog.openError(shell, "Open Study", e.getMessage());
        }
    }

}
