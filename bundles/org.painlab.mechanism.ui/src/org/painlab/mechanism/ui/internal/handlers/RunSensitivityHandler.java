package org.painlab.mechanism.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.painlab.mechanism.ui.internal.views.SensitivityView;

/** Mechanism > Run Sensitivity or Scan...: the dialog of the Sensitivity and Scans view. */
public final class RunSensitivityHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        if (w != null && w.getActivePage() != null) {
            try {
                ((SensitivityView) w.getActivePage().showView(SensitivityView.ID)).ask();
            } catch (PartInitException e) {
                org.eclipse.core.runtime.ILog.of(RunSensitivityHandler.class).error(e.getMessage(), e);
            }
        }
        return null;
    }
}
