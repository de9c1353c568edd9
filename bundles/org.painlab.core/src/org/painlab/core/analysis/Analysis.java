package org.painlab.core.analysis;

import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;

/**
 * Computes a result from a study's data, read through the core data contract
 * ({@link org.painlab.core.data.StudyData}). Contributed through {@code org.painlab.core.analyses}
 * with the data type it applies to; run it through {@link AnalysisRunner}, which stores what it
 * returns with its provenance. Must be deterministic: the same parameters on the same inputs give
 * the same body, so a stored result can be re-run and checked.
 *
 * @since 0.1
 */
public interface Analysis {
    /**
     * @param study an open study
     * @param parameters the analysis' own parameters (documented by each analysis)
     * @param monitor progress and cancellation
     * @return the result
     * @throws StudyException if the data cannot be read or the parameters are wrong (the message names the parameter)
     */
    AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException;
}
