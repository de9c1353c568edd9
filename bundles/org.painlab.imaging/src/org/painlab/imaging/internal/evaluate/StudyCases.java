package org.painlab.imaging.internal.evaluate;

import java.util.List;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.evaluate.CaseSource;

/** The cases of a study's imaging store (volumes linked to patients, their labels and features). */
public final class StudyCases implements CaseSource {
    @Override
    public List<Case> cases(Study study) throws StudyException {
        return new org.painlab.imaging.store.ImagingStore(study).cases();
    }
}
