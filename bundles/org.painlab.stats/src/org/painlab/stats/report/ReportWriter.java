package org.painlab.stats.report;

import java.io.IOException;
import java.nio.file.Path;
import org.painlab.stats.table.PaperReport;

/**
 * Writes the tables of a paper in one format. Every writer replaces its target atomically: a
 * failed write leaves any earlier file as it was.
 *
 * @since 0.1
 */
public interface ReportWriter {

    /** @return the file extension the writer serves, without the dot ("html", "docx", ...) */
    String extension();

    /**
     * @param report the tables
     * @param out the file to write
     * @throws IOException if the file cannot be written
     */
    void write(PaperReport report, Path out) throws IOException;
}
