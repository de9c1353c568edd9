package org.painlab.core.ui.internal.actions;

import org.eclipse.jface.action.Action;
import org.eclipse.ui.IWorkbenchWindow;
import org.painlab.core.ui.OpenStudies;

/** File > Close Study: closes the selected study. */
public final class CloseStudyAction extends Action {
    public static final String ID = "org.painlab.core.ui.closeStudy";
    private final IWorkbenchWindow window;

    public CloseStudyAction(IWorkbenchWindow window) {
        super("&Close Study");
        setId(ID);
        this.window = window;
    }

    @Override
    public void run() {
        OpenStudies studies = window.getWorkbench().getService(OpenStudies.class);
        studies.selected().ifPresent(studies::close);
    }
}
