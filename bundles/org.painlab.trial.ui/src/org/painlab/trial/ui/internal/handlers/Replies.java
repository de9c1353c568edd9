package org.painlab.trial.ui.internal.handlers;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * How a Trial menu action tells the user its outcome once its job is done: message dialogs in
 * the workbench; a test records them instead of blocking on a modal dialog.
 */
public interface Replies {
    /** An outcome worth saying ("Subject S-078 is allocated to arm S"). */
    void info(String title, String message);

    /** A refusal or failure; nothing was changed. */
    void error(String title, String message);

    /** Message dialogs over {@code shell}. */
    static Replies dialogs(Shell shell) {
        return new Replies() {
            @Override
            public void info(String title, String message) {
                MessageDialog.openInformation(shell, title, message);
            }

            @Override
            public void error(String title, String message) {
                MessageDialog.openError(shell, title, message);
            }
        };
    }
}
