package org.painlab.trial.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.OpenStudies;

/** Base of the Trial menu's handlers: they act on the selected study and report refusals in a dialog. */
abstract class StudyHandler extends AbstractHandler {

    @Override
    public final Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        OpenStudies studies = HandlerUtil.getActiveWorkbenchWindow(event).getWorkbench().getService(OpenStudies.class);
        Study study = studies.selected().orElse(null);
        if (study == null) {
            MessageDialog.openInformation(shell, title(), "Select a study in the Study Explorer first.");
            return null;
        }
        try {
            run(shell, studies, study);
        } catch (StudyException e) {
            MessageDialog.openError(shell, title(), e.getMessage());
        }
        return null;
    }

    abstract String title();

    abstract void run(Shell shell, OpenStudies studies, Study study) throws StudyException;
}
