package org.painlab.mechanism.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** The Mechanism menu's view entries: shows the view named by the command's parameter. */
public final class ShowViewHandler extends AbstractHandler {
    /** The command parameter naming the view. */
    public static final String VIEW = "org.painlab.mechanism.ui.viewId";

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        String id = event.getParameter(VIEW);
        if (w != null && w.getActivePage() != null && id != null && id.startsWith("org.painlab.mechanism.ui.")) {
            try {
                w.getActivePage().showView(id);
            } catch (PartInitException e) {
                org.eclipse.core.runtime.ILog.of(ShowViewHandler.class).error(e.getMessage(), e);
            }
        }
        return null;
    }
}
