package org.painlab.mechanism.ui.internal.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.painlab.mechanism.ui.internal.views.ParameterSlidersView;

/** Mechanism > Steady State...: the search of the Parameter Sliders view at the sliders' values. */
public final class SteadyStateHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        if (w != null && w.getActivePage() != null) {
            try {
                ((ParameterSlidersView) w.getActivePage().showView(ParameterSlidersView.ID)).askSteadyState();
            } catch (PartInitException e) {
                org.eclipse.core.runtime.ILog.of(SteadyStateHandler.class).error(e.getMessage(), e);
            }
        }
        return null;
    }
}
