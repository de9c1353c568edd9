package org.painlab.core.ui.internal;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWTException;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;

/**
 * Opens the Error Log when the workbench logs an error and the view is not open. The shared frame keeps the
 * Error Log's place at the bottom but does not open it at start (building it cost the cold start about 0.15 s),
 * so a user still sees an error when one happens. The view is made visible without taking the focus, once a
 * session: closed after that, it stays closed until the next start (or Window &gt; Show View).
 */
public final class ErrorLogOpener implements ILogListener {
    /** The Error Log view's id ({@code org.eclipse.ui.views.log} defines it). */
    public static final String VIEW_ID = "org.eclipse.pde.runtime.LogView";

    private final IWorkbench workbench;
    private volatile boolean opened;

    private ErrorLogOpener(IWorkbench workbench) {
        this.workbench = workbench;
    }

    /** Listens to the platform's log from now until {@link #stop}; returns the listener. */
    static ErrorLogOpener start(IWorkbench workbench) {
        ErrorLogOpener opener = new ErrorLogOpener(workbench);
        Platform.addLogListener(opener);
        return opener;
    }

    /** Stops listening (the workbench is shutting down). */
    void stop() {
        Platform.removeLogListener(this);
    }

    /** True once this session's first logged error has opened (or found open) the Error Log. */
    public boolean opened() {
        return opened;
    }

    @Override
    public void logging(IStatus status, String plugin) {
        if (opened || !status.matches(IStatus.ERROR) || workbench.isClosing()) {
            return;
        }
        var display = workbench.getDisplay();
        if (display.isDisposed()) {
            return;
        }
        // the log may be written from any thread; the view is opened on the UI thread, after the event that logged
        try {
            display.asyncExec(this::show);
        } catch (SWTException e) {
            // the display went away meanwhile: the workbench is closing, nothing to show
        }
    }

    private void show() {
        if (opened || workbench.isClosing()) {
            return;
        }
        IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
        if (window == null && workbench.getWorkbenchWindowCount() > 0) {
            window = workbench.getWorkbenchWindows()[0];
        }
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (page == null) {
            // logged while the first window is being made: shown once it has a page
            workbench.getDisplay().timerExec(250, this::show);
            return;
        }
        opened = true;
        if (page.findViewReference(VIEW_ID) != null) {
            return;
        }
        try {
            page.showView(VIEW_ID, null, IWorkbenchPage.VIEW_VISIBLE);
        } catch (PartInitException e) {
            // not logged: logging it would come back here; the error itself is in the log file
            System.err.println("PainLab: cannot open the Error Log: " + e.getMessage());
        }
    }
}
