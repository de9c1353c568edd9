package org.painlab.mechanism.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.painlab.mechanism.ui.internal.views.FitView;

/** Mechanism > Fit to Trial Data...: the dialog of the Model Fit view. */
public final class FitToTrialDataHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        if (w != null && w.getActivePage() != null) {
            try {
                ((FitView) w.getActivePage().showView(FitView.ID)).ask();
            } catch (PartInitException e) {
                org.eclipse.core.runtime.ILog.of(FitToTrialDataHandler.class).error(e.getMessage(), e);
            }
        }
        return null;
    }
}
