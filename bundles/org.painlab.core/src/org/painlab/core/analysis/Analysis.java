package org.painlab.core.analysis;

import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;

/**
 * Computes a result from a study's data. Contributed through
 * {@code org.painlab.core.analyses} with the data type it applies to; the workbench
 * stores what it returns together with its provenance.
 */
public interface Analysis {
    AnalysisResult run(Study study, Map<String, String> parameters, IProgressMonitor monitor) throws StudyException;
}
