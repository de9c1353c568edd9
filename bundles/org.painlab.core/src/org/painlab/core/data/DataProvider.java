package org.painlab.core.data;

import java.util.List;
import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;

/**
 * An area's data, offered to every analysis through the core data contract. Contributed
 * through {@code org.painlab.core.dataProviders}; trial provides subject-level variables and
 * outcome time courses, imaging its volumes as clustered observations, literature the
 * aggregates extracted from papers. Analyses never read an area's store directly. Implement
 * only the kinds the area has; the others stay empty.
 *
 * @since 0.1
 */
public interface DataProvider {

    /**
     * @param study an open study
     * @return the subject-level data, or empty when this area holds none for the study
     * @throws StudyException if the study cannot be read
     */
    default Optional<SubjectData> subjectData(Study study) throws StudyException {
        return Optional.empty();
    }

    /**
     * @param study an open study
     * @return repeated observations clustered within subjects (may be empty)
     * @throws StudyException if the study cannot be read
     */
    default List<ClusteredObservations> clusteredObservations(Study study) throws StudyException {
        return List.of();
    }

    /**
     * @param study an open study
     * @return study-level aggregates (may be empty)
     * @throws StudyException if the study cannot be read
     */
    default List<StudyAggregate> aggregates(Study study) throws StudyException {
        return List.of();
    }

    /**
     * @param study an open study
     * @return group outcome time courses (may be empty)
     * @throws StudyException if the study cannot be read
     */
    default List<TimeCourse> timeCourses(Study study) throws StudyException {
        return List.of();
    }
}
