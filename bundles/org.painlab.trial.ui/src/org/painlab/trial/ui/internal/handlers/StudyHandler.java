package org.painlab.trial.ui.internal.handlers;

import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.painlab.core.Study;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;

/**
 * Base of the Trial menu's handlers: they act on the selected study and report refusals in a
 * dialog. Their dialogs open on the UI thread; what they read before and write after runs in a
 * job ({@link UiJobs}), so a large study does not freeze the workbench.
 */
abstract class StudyHandler extends AbstractHandler {

    @Override
    public final Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        OpenStudies studies = HandlerUtil.getActiveWorkbenchWindow(event).getWorkbench().getService(OpenStudies.class);
        Study study = studies.selected().orElse(null);
        Replies replies = Replies.dialogs(shell);
        if (study == null) {
            replies.info(title(), "Select a study in the Study Explorer first.");
            return null;
        }
        run(shell, studies, study, replies);
        return null;
    }

    abstract String title();

    abstract void run(Shell shell, OpenStudies studies, Study study, Replies replies);

    /**
     * Runs {@code work} in a job and {@code done} with its value on the UI thread; a failure is told
     * through {@code replies} with the exception's message (the store's messages are written for users).
     */
    static <T> Job inJob(String name, Shell shell, String title, Replies replies, UiJobs.Work<T> work, Consumer<T> done) {
        return UiJobs.run(name, shell, work, done, e -> replies.error(title, e.getMessage() == null ? e.toString() : e.getMessage()));
    }
}
