package org.painlab.literature.ui.internal.handlers;

import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.painlab.core.Study;
import org.painlab.literature.ui.internal.views.Workbench;

/** Literature > Paste a Page...: the paste dialog for the selected study; the Library shows the saved reference. */
public final class PastePageHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        open(HandlerUtil.getActiveShell(event));
        return null;
    }

    /** Opens the dialog (blocking) and refreshes the Library after a save. */
    public void open(Shell shell) {
        Optional<Study> study = Workbench.study();
        if (study.isEmpty()) {
            MessageDialog.openInformation(shell, "Paste a Page", "Open or select a study first: the reference is stored in it.");
            return;
        }
        PasteDialog d = new PasteDialog(shell, study.get());
        if (d.open() == Window.OK) {
            // the Library and the Study Explorer read the study again
            Workbench.studies().refresh();
        }
    }
}
