package org.painlab.literature;

/**
 * Reads one file format of references (RIS, BibTeX, MEDLINE, PubMed XML, CSL-JSON, pasted text...).
 * Contributed through {@code org.painlab.literature.formats}; implementations are stateless.
 * <p>
 * A reader never stops at a bad record: it reports it as a {@link RecordProblem} (record number,
 * line, field) and goes on, so the user sees every problem and chooses to import all good records or none.
 *
 * @since 0.1
 */
public interface LiteratureFormat {

    /**
     * Reads {@code text} (the whole file, already decoded).
     *
     * @param text the file's text
     * @return the records read and the problems met
     * @throws LiteratureException when the file as a whole is not of this format (no record can be found)
     */
    ReadOutcome read(String text) throws LiteratureException;

    /**
     * Reads the file's text from {@code in}, handing each record and problem to {@code sink} as it is
     * read. Formats that can read record by record override this so that a large file is never held
     * whole (MEDLINE does); by default the whole text is read and {@link #read(String)} is used.
     *
     * @param in the file's text (decoded, without a byte-order mark)
     * @param sink receives the records and problems
     * @throws java.io.IOException if the text cannot be read
     * @throws LiteratureException when the file as a whole is not of this format, or the sink refuses a record
     * @since 0.1
     */
    default void read(java.io.Reader in, RecordSink sink) throws java.io.IOException, LiteratureException {
        java.io.StringWriter text = new java.io.StringWriter();
        in.transferTo(text);
        ReadOutcome o = read(text.toString());
        for (ReadRecord r : o.records()) {
            sink.record(r);
        }
        for (RecordProblem p : o.problems()) {
            sink.problem(p);
        }
    }

    /**
     * Whether the first characters of a file look like this format, for {@code --format auto} when the
     * file name's ending is shared (.txt, .xml, .json).
     */
    default boolean recognises(String head) {
        return false;
    }

    /** Whether this format can also write references ({@link #write}); readers only by default. */
    default boolean writes() {
        return false;
    }

    /**
     * Writes {@code references} as the text of a file of this format, so that {@link #read} gives the
     * same references back (as far as the format can carry them).
     *
     * @param references the references, in the order to write them
     * @return the file's text
     * @throws LiteratureException when this format cannot write
     */
    default String write(java.util.List<Reference> references) throws LiteratureException {
        throw new LiteratureException("this format can only be read, not written");
    }
}
