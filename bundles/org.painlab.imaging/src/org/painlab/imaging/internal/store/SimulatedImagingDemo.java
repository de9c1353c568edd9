package org.painlab.imaging.internal.store;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyDemo;
import org.painlab.core.StudyException;
import org.painlab.imaging.store.SimulatedStudy;
import org.painlab.imaging.synth.CohortModel;
import org.painlab.imaging.synth.CohortSimulator;
import org.painlab.imaging.synth.UltrasoundModel;

/** The imaging study's demo: 46 simulated patients x 8 multifidus volumes with MRI grades and masks. */
public final class SimulatedImagingDemo implements StudyDemo {
    @Override
    public void fill(Study study, long seed, IProgressMonitor monitor) throws StudyException {
        new SimulatedStudy(new CohortSimulator(CohortModel.defaults(), UltrasoundModel.defaults()))
                .addTo(study, 46, seed, "demo", monitor);
    }
}
