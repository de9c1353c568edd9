package org.painlab.mechanism.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.painlab.mechanism.ui.internal.views.ModelOutlineView;

/** File > Open Model... (and Mechanism > Open Model...): an SBML file into the Model Outline. */
public final class OpenModelHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchWindow w = HandlerUtil.getActiveWorkbenchWindow(event);
        if (w == null || w.getActivePage() == null) {
            return null;
        }
        FileDialog d = new FileDialog(w.getShell(), SWT.OPEN);
        d.setText("Open Model");
        d.setFilterExtensions(new String[] { "*.xml;*.sbml", "*" });
        d.setFilterNames(new String[] { "SBML (Level 2/3 core)", "All files" });
        String f = d.open();
        if (f != null) {
            try {
                ModelOutlineView v = (ModelOutlineView) w.getActivePage().showView(ModelOutlineView.ID);
                v.open(Path.of(f));
            } catch (PartInitException e) {
                org.eclipse.core.runtime.ILog.of(OpenModelHandler.class).error(e.getMessage(), e);
            }
        }
        return null;
    }
}
