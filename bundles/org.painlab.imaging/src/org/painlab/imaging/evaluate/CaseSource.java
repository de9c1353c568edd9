package org.painlab.imaging.evaluate;

import java.util.List;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.imaging.classify.Case;

/**
 * Where the labelled cases of a study come from (the study's imaging store), kept behind this small
 * interface so that cross-validation and the commands can be tested with cases made in a test.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CaseSource {
    /**
     * @param study an open study
     * @return its cases (volumes with patient, label and features)
     * @throws StudyException if the study's imaging data cannot be read
     */
    List<Case> cases(Study study) throws StudyException;
}
