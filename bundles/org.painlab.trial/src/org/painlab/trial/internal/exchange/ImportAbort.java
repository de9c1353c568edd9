package org.painlab.trial.internal.exchange;

import java.util.List;

import org.painlab.core.importer.ImportProblem;

/** Carries the problems found while writing out of the transaction, which it rolls back. */
final class ImportAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ImportProblem> problems;

    ImportAbort(List<ImportProblem> problems) {
        super("import rejected while writing");
        this.problems = List.copyOf(problems);
    }

    List<ImportProblem> problems() {
        return problems;
    }
}
