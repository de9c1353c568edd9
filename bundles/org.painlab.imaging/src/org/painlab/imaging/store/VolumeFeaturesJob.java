package org.painlab.imaging.store;

import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;

/**
 * Extracting the features of a study's volumes as a background job with progress (one unit per volume) that
 * can be cancelled; the result is stored through {@link AnalysisRunner} like any analysis. A view schedules it
 * and reads {@link #result()} when it is done.
 *
 * @since 0.1
 */
public final class VolumeFeaturesJob extends Job {
    private static final String BUNDLE = "org.painlab.imaging";
    private final Study study;
    private final Map<String, String> parameters;
    private final String actor;
    private volatile StoredResult result;

    /**
     * @param study      an open study
     * @param parameters {@link VolumeFeaturesAnalysis}'s parameters
     * @param actor      who runs it
     */
    public VolumeFeaturesJob(Study study, Map<String, String> parameters, String actor) {
        super("IBSI features of " + study.name());
        this.study = study;
        this.parameters = Map.copyOf(parameters);
        this.actor = actor;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            result = new AnalysisRunner().run(study, VolumeFeaturesAnalysis.ID, parameters, actor, monitor);
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (StudyException e) {
            return Status.error(e.getMessage(), e);
        }
    }

    /** The stored result, or null before the job finished well. */
    public StoredResult result() {
        return result;
    }

    @Override
    public boolean belongsTo(Object family) {
        return BUNDLE.equals(family);
    }
}
