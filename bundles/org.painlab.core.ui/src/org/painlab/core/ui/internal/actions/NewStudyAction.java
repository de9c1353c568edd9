package org.painlab.core.ui.internal.actions;

import java.nio.file.Path;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.internal.Preferences;

/** File > New Study...: a new empty study in a folder the user picks. */
public final class NewStudyAction extends Action {
    public static final String ID = "org.painlab.core.ui.newStudy";
    private final IWorkbenchWindow window;

    public NewStudyAction(IWorkbenchWindow window) {
        super("&New Study...");
        setId(ID);
        setToolTipText("Create a new study (a folder with its own database)");
        this.window = window;
    }

    @Override
    public void run() {
        DirectoryDialog where = new DirectoryDialog(window.getShell());
        where.setText("New Study: choose the folder that will hold it");
        where.setFilterPath(Preferences.studyFolder().toString());
        String parent = where.open();
        if (parent == null) {
            return;
        }
        IInputValidator valid = s -> s.isBlank() ? "Enter a name"
                : s.matches("[\\p{L}\\p{N} ._-]+") ? null : "Use letters, digits, space, dot, dash or underscore";
        InputDialog name = new InputDialog(window.getShell(), "New Study", "Name of the study (also its folder name):",
                "", valid);
        if (name.open() != Window.OK) {
            return;
        }
        Path dir = Path.of(parent).resolve(name.getValue().trim());
        StudyJobs.createAndOpen(window.getShell(), window.getWorkbench().getService(OpenStudies.class), dir,
                name.getValue().trim());
    }
}
