package org.painlab.imaging.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/** Imaging > Open Volume File...: any NRRD, NIfTI or MetaImage file in the slice viewer. */
public final class OpenVolumeFileHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        if (w != null && w.getActivePage() != null) {
            VolumeFiles.openWithDialog(w.getShell(), w.getActivePage(), false);
        }
        return null;
    }
}
