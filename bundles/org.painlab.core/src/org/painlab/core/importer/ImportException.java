package org.painlab.core.importer;

import java.util.List;

/**
 * A file was rejected; it lists every problem found, so a user fixes the file in one
 * round instead of one error at a time, and carries the value accounting of the rejected import
 * ({@link #report()}). The study was left unchanged.
 *
 * @since 0.1
 */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<ImportProblem> problems;
    private final transient ImportReport report;

    /**
     * A rejection without value accounting.
     *
     * @param problems every problem found
     */
    public ImportException(List<ImportProblem> problems) {
        this(problems, ImportReport.none());
    }

    /**
     * A rejection with the accounting of the values read.
     *
     * @param problems every problem found
     * @param report values read, importable and refused (nothing was written)
     */
    public ImportException(List<ImportProblem> problems, ImportReport report) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
        this.report = report == null ? ImportReport.none() : report;
    }

    /** @return every problem found */
    public List<ImportProblem> problems() {
        return problems;
    }

    /** @return the value accounting (empty when the importer does not count values) */
    public ImportReport report() {
        return report == null ? ImportReport.none() : report;
    }

    private static String summary(List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return "import rejected";
        }
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
