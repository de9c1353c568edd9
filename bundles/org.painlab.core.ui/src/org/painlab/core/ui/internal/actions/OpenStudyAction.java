package org.painlab.core.ui.internal.actions;

import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.internal.Preferences;

/** File > Open Study...: opens a study folder; a folder that is not a study is refused with a message. */
public final class OpenStudyAction extends Action {
    public static final String ID = "org.painlab.core.ui.openStudy";
    private final IWorkbenchWindow window;

    public OpenStudyAction(IWorkbenchWindow window) {
        super("&Open Study...");
        setId(ID);
        this.window = window;
    }

    @Override
    public void run() {
        DirectoryDialog dialog = new DirectoryDialog(window.getShell());
        dialog.setText("Open Study");
        dialog.setFilterPath(Preferences.studyFolder().toString());
        String dir = dialog.open();
        if (dir != null) {
            open(window.getShell(), window.getWorkbench().getService(OpenStudies.class), Path.of(dir));
        }
    }

    /**
     * Opens the study in {@code dir} in a job and adds it to {@code studies} on the UI thread (a study
     * open already is selected); a folder that is not a study is refused in a dialog.
     *
     * @return the job, or null when the study was open already
     */
    public static Job open(Shell shell, OpenStudies studies, Path dir) {
        return StudyJobs.open(shell, studies, dir);
    }
}
