package org.painlab.trial.internal.exchange;

import java.io.IOException;

import org.painlab.core.StudyException;

/**
 * A file read as subjects. An import reads it to validate it and, when the checked subjects did not
 * fit the memory budget ({@link KeptSubjects}), again to write it, so {@link #read} must give the same
 * result each time.
 */
public interface SubjectSource {
    /**
     * The file name used in problems.
     *
     * @return e.g. "trial.csv"
     */
    String fileName();

    /**
     * Design metadata the file carries (read by the first call of {@link #read}, or before).
     *
     * @return the metadata (empty for plain tables)
     */
    SourceMetadata metadata();

    /**
     * Reads the file, giving every subject and every problem to the checker.
     *
     * @param checker receives problems and subjects, and resolves column names
     * @param maxSubjects stop after this many subjects (negative: read all)
     * @return true when the whole file was read
     * @throws IOException when the file cannot be read
     * @throws StudyException when the checker's writing fails
     */
    boolean read(ImportChecker checker, long maxSubjects) throws IOException, StudyException;

    /**
     * The study records the file carries beside its subjects (visit dates and locks, screening log,
     * allocation list, locks), read once after the first {@link #read}; problems go to the checker.
     *
     * @param checker receives problems and notes
     * @return the records (empty when the format or file carries none)
     * @throws IOException when a file cannot be read
     */
    default StudyRecords records(ImportChecker checker) throws IOException {
        return new StudyRecords();
    }
}
