package org.painlab.core.ui.internal.actions;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;

/** Runs study creation and opening as jobs with progress and adds the opened study on the UI thread. */
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
            Study study;
            try {
                study = Study.open(dir, StudySchemas.contributed());
            } catch (StudyException e) {
                display.asyncExec(() -> MessageDialog.openError(shell, "New Study", e.getMessage()));
                return Status.error(e.getMessage(), e);
            }
            display.asyncExec(() -> {
                if (display.isDisposed()) {
                    study.close();
                } else {
                    studies.add(study);
                }
            });
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
    }

    /**
     * Opens the study in {@code dir} in a job (opening reads and may upgrade its database) and adds it
     * on the UI thread; a study open already is just selected.
     */
    static Job open(Shell shell, OpenStudies studies, Path dir) {
        Path folder = dir.toAbsolutePath().normalize();
        if (studies.isOpen(folder)) {
            studies.studies().stream().filter(s -> s.folder().equals(folder)).findFirst().ifPresent(s -> studies.select(s, null));
            return null;
        }
        return UiJobs.run("Opening study " + folder.getFileName(), shell,
                monitor -> Study.open(folder, StudySchemas.contributed()), studies::add,
                e -> MessageDialog.openError(shell, "Open Study", e.getMessage()));
    }

}
