package org.painlab.imaging.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** Imaging > Open Mask File...: a mask on the volume's grid, drawn over it and used for its features. */
public final class OpenMaskFileHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        if (w != null && w.getActivePage() != null) {
            VolumeFiles.openWithDialog(w.getShell(), w.getActivePage(), true);
        }
        return null;
    }
}
