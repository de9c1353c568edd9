package org.painlab.trial.ui.internal.forms;

import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IAdvancedUndoableOperation2;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.painlab.core.StudyException;
import org.painlab.trial.store.TrialStore;

/**
 * Saving one instrument's answers at one visit, as an undoable operation: undo writes
 * the previous answers back. Undo and redo are edits like any other, so they are
 * audited with their own reason, and refused once the visit or dataset is locked. It runs in
 * the background (Edit > Undo forks it off the UI thread), so {@code show} is called off the UI thread.
 */
public final class SaveAnswersOperation extends AbstractOperation implements IAdvancedUndoableOperation2 {
    private final TrialStore store;
    private final String actor;
    private final String subjectId;
    private final String visitId;
    private final String instrumentId;
    private final Map<String, Double> before;
    private final Map<String, Double> after;
    private final String reason;
    private final Consumer<Map<String, Double>> show;

    public SaveAnswersOperation(TrialStore store, String actor, String subjectId, String visitId, String instrumentId,
            Map<String, Double> before, Map<String, Double> after, String reason, Consumer<Map<String, Double>> show) {
        super("Save " + instrumentId + " of " + subjectId + " at " + visitId);
        this.store = store;
        this.actor = actor;
        this.subjectId = subjectId;
        this.visitId = visitId;
        this.instrumentId = instrumentId;
        this.before = Map.copyOf(before);
        this.after = Map.copyOf(after);
        this.reason = reason;
        this.show = show;
    }

    @Override
    public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return write(after, reason);
    }

    @Override
    public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return write(before, "undo: " + (reason == null ? "entry" : reason));
    }

    @Override
    public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
        return write(after, "redo: " + (reason == null ? "entry" : reason));
    }

    /** Undo and redo write to the study's database: never on the UI thread. */
    @Override
    public boolean runInBackground() {
        return true;
    }

    @Override
    public IStatus computeExecutionStatus(IProgressMonitor monitor) {
        // whether a write is allowed (locks) is decided by the store inside the write itself
        return Status.OK_STATUS;
    }

    @Override
    public void setQuietCompute(boolean quiet) {
        // nothing is computed ahead of the write, so there is nothing to keep quiet
    }

    private IStatus write(Map<String, Double> answers, String why) throws ExecutionException {
        try {
            store.saveAnswers(actor, subjectId, visitId, instrumentId, answers, why);
        } catch (StudyException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        show.accept(answers);
        return Status.OK_STATUS;
    }
}
