package org.painlab.trial.ui.internal.handlers;

import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.randomization.AllocationList;
import org.painlab.trial.store.AllocationStatus;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.ui.internal.dialogs.RandomizationDialog;

/** Trial > Generate Allocation List...: generates, stores and locks the list. */
public final class RandomizeHandler extends StudyHandler {
    static final String TITLE = "Generate allocation list";

    @Override
    String title() {
        return TITLE;
    }

    @Override
    void run(Shell shell, OpenStudies studies, Study study, Replies replies) {
        start(shell, studies, study, replies, arms -> {
            RandomizationDialog dialog = new RandomizationDialog(shell, arms);
            return dialog.open() == Window.OK ? dialog.result() : null;
        });
    }

    /** What the handler reads before asking: the arms and whether a list is locked already. */
    private record Before(List<String> arms, AllocationStatus status) {
    }

    /**
     * Reads the arms and the list's state in a job; on the UI thread either says why no list can be
     * made or asks {@code ask} for one (null: cancelled) and stores and locks it in a second job.
     *
     * @return the first job
     */
    public static Job start(Shell shell, OpenStudies studies, Study study, Replies replies, Function<List<String>, AllocationList> ask) {
        return inJob("Reading the arms of " + study.name(), shell, TITLE, replies, monitor -> {
            TrialStore store = new TrialStore(study);
            return new Before(store.arms().stream().map(Arm::code).toList(), store.allocationStatus());
        }, before -> {
            if (before.arms().size() < 2) {
                replies.info(TITLE, "The study needs at least two arms before randomization.");
                return;
            }
            if (before.status().locked()) {
                replies.info(TITLE, "The allocation list is already locked (" + before.status().revealed() + " of "
                        + before.status().size() + " revealed).");
                return;
            }
            AllocationList list = ask.apply(before.arms());
            if (list != null) {
                store(shell, studies, study, list, replies);
            }
        });
    }

    /**
     * Stores and locks a generated list in a job, then tells the views.
     *
     * @return the job
     */
    public static Job store(Shell shell, OpenStudies studies, Study study, AllocationList list, Replies replies) {
        String actor = AuditActor.current();
        return inJob("Storing the allocation list of " + study.name(), shell, TITLE, replies, monitor -> {
            TrialStore store = new TrialStore(study);
            store.storeAllocationList(actor, list, "generated in the workbench, seed " + list.seed());
            store.lockAllocationList(actor, "locked at generation");
            return Boolean.TRUE;
        }, done -> studies.refresh());
    }
}
