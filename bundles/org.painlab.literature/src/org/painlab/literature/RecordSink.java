package org.painlab.literature;

/**
 * Receives the records of a file one by one as a format reads them, so that a large file is never
 * held whole: a scan keeps only the problems, an import stores the records in chunks.
 *
 * @since 0.1
 */
public interface RecordSink {

    /**
     * @param record a record read
     * @throws LiteratureException when the receiver cannot take it (the read stops)
     */
    void record(ReadRecord record) throws LiteratureException;

    /**
     * @param problem a record that could not be read
     * @throws LiteratureException when the receiver cannot take it (the read stops)
     */
    void problem(RecordProblem problem) throws LiteratureException;
}
