package org.painlab.trial.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.importer.Importer;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/**
 * A tiny importer contributed by this fragment's fragment.xml with format {@code test-fmt}, standing
 * in for a plugin's: each non-blank line becomes one audit row whose reason records the options the
 * command passed, so a test sees both that it ran and what it was given.
 */
public final class LinesTestImporter implements Importer {
    /** Id it reports in {@link ImportSummary#importerId()}. */
    static final String ID = "org.painlab.trial.cli.tests.import.lines";
    /** The audit action of its rows. */
    static final String ACTION = "test-fmt import";

    @Override
    public ImportSummary importFile(Study study, Path file, Map<String, String> options, IProgressMonitor monitor)
            throws ImportException, StudyException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new ImportException(List.of(new ImportProblem(file.getFileName().toString(), 0, "", "cannot be read")));
        }
        if (lines.isEmpty()) {
            throw new ImportException(List.of(new ImportProblem(file.getFileName().toString(), 1, "line", "no lines")));
        }
        String reason = "options " + new TreeMap<>(options);
        String actor = options.getOrDefault("actor", "unknown");
        study.transaction(c -> {
            AuditLog log = new AuditLog(c);
            for (int i = 0; i < lines.size(); i++) {
                log.append(AuditEntry.of(actor, ACTION, "line", Integer.toString(i + 1), "text", null, lines.get(i), reason));
            }
            return null;
        });
        return new ImportSummary(ID, Map.of("lines", (long) lines.size()));
    }
}
