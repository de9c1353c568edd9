package org.painlab.literature.ui.internal.handlers;

import java.nio.file.Path;
import java.util.List;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.literature.DuplicatePolicy;
import org.painlab.literature.ImportOutcome;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureFormats;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.RecordProblem;

/**
 * The two steps of an import from the UI, run in jobs: read the file (no change to the study), then,
 * when the user has chosen for the bad records (all or none), store the good ones in one transaction.
 */
public final class ReferenceImport {
    private final LiteratureFormats formats = new LiteratureFormats();

    /** The formats contributed to {@code org.painlab.literature.formats}. */
    public List<LiteratureFormats.FormatInfo> formats() {
        return formats.list();
    }

    /** Reads {@code file}; the outcome lists the good records and names the bad ones. */
    public LiteratureFormats.FileRead read(Path file, String format) throws LiteratureException {
        return formats.read(file, format);
    }

    /** What the user is asked when some records are bad: each named with its record, line and field. */
    public static String question(LiteratureFormats.FileRead read) {
        List<RecordProblem> problems = read.outcome().problems();
        StringBuilder s = new StringBuilder(read.file().getFileName() + ": " + problems.size() + " of "
                + read.outcome().recordsRead() + " records are bad:\n");
        problems.stream().limit(8).forEach(p -> s.append("  ").append(p.describe()).append('\n'));
        if (problems.size() > 8) {
            s.append("  ... and ").append(problems.size() - 8).append(" more\n");
        }
        s.append("\nImport the ").append(read.outcome().records().size()).append(" good records, or nothing?");
        return s.toString();
    }

    /**
     * Stores the good records of {@code read} when there are no bad ones or the user accepted the
     * good ones; else stores nothing and returns null.
     */
    public ImportOutcome store(Study study, String actor, LiteratureFormats.FileRead read, DuplicatePolicy policy,
            boolean acceptGood) throws StudyException {
        if (!read.outcome().problems().isEmpty() && !acceptGood) {
            return null;
        }
        return new LiteratureStore(study, actor).importRecords(read.file().getFileName().toString(), read.format(),
                read.outcome().records(), read.outcome().recordsRead(), policy);
    }

    /** One line for the user about a finished import. */
    public static String summary(ImportOutcome o, LiteratureFormats.FileRead read) {
        return "Imported " + o.added().size() + " references from " + read.file().getFileName() + " (" + read.format() + "): "
                + o.recordsRead() + " records, " + o.duplicates().size() + " duplicates, " + o.replaced().size() + " replaced"
                + (read.outcome().problems().isEmpty() ? "" : ", " + read.outcome().problems().size() + " bad records left out")
                + ". PRISMA: " + o.prisma().identified() + " identified, " + o.prisma().duplicatesRemoved() + " duplicates removed.";
    }
}
