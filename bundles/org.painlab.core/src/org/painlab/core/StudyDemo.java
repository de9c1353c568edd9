package org.painlab.core;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Fills a freshly created study with simulated data so that a lab can try the
 * workbench without patient data. Contributed through {@code org.painlab.core.demos}.
 *
 * @since 0.1
 */
public interface StudyDemo {
    /** Writes the demo into {@code study}; everything it writes must be labelled simulated. */
    void fill(Study study, long seed, IProgressMonitor monitor) throws StudyException;
}
