package org.painlab.imaging.internal.evaluate;

import java.util.List;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.evaluate.CaseSource;

/**
 * The cases of a study's imaging store (volumes linked to patients, their labels and features).
 * HOOKUP: the imaging store (ImagingStore.cases()) is merged separately; this is the one place that
 * reads it: replace the body with {@code return new ImagingStore(study).cases();}.
 */
public final class StudyCases implements CaseSource {
    @Override
    public List<Case> cases(Study study) throws StudyException {
        throw new StudyException(study.folder() + ": this build has no imaging store to read cases from"
                + " (org.painlab.imaging ImagingStore is not installed)");
    }
}
