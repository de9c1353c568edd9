package org.painlab.core.importer;

import java.util.List;

/**
 * A file was rejected; it lists every problem found, so a user fixes the file in one
 * round instead of one error at a time. The study was left unchanged.
 *
 * @since 0.1
 */
public class ImportException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<ImportProblem> problems;

    public ImportException(List<ImportProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    private static String summary(List<ImportProblem> problems) {
        if (problems.isEmpty()) {
            return "import rejected";
        }
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
