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
 * The two steps of an import from the UI, run in jobs: scan the file for its problems (no change to the
 * study, no record kept), then, when the user has chosen for the bad records (all or none), stream the
 * good ones into one transaction (the file is never held whole).
 */
public final class ReferenceImport {
    private final LiteratureFormats formats = new LiteratureFormats();

    /** The formats contributed to {@code org.painlab.literature.formats}. */
    public List<LiteratureFormats.FormatInfo> formats() {
        return formats.list();
    }

    /** Scans {@code file}: the number of good records and the bad ones, each named. */
    public LiteratureFormats.FileScan read(Path file, String format) throws LiteratureException {
        return formats.scan(file, format);
    }

    /** What the user is asked when some records are bad: each named with its record, line and field. */
    public static String question(LiteratureFormats.FileScan read) {
        List<RecordProblem> problems = read.problems();
        StringBuilder s = new StringBuilder(read.file().getFileName() + ": " + problems.size() + " of "
                + read.recordsRead() + " records are bad:\n");
        problems.stream().limit(8).forEach(p -> s.append("  ").append(p.describe()).append('\n'));
        if (problems.size() > 8) {
            s.append("  ... and ").append(problems.size() - 8).append(" more\n");
        }
        s.append("\nImport the ").append(read.good()).append(" good records, or nothing?");
        return s.toString();
    }

    /**
     * Stores the good records of {@code read} when there are no bad ones or the user accepted the
     * good ones; else stores nothing and returns null.
     */
    public ImportOutcome store(Study study, String actor, LiteratureFormats.FileScan read, DuplicatePolicy policy,
            boolean acceptGood) throws StudyException {
        if (!read.problems().isEmpty() && !acceptGood) {
            return null;
        }
        return new LiteratureStore(study, actor).importStream(read.file().getFileName().toString(), read.format(),
                sink -> formats.stream(read.file(), read.format(), sink), policy);
    }

    /** One line for the user about a finished import. */
    public static String summary(ImportOutcome o, LiteratureFormats.FileScan read) {
        return "Imported " + o.added().size() + " references from " + read.file().getFileName() + " (" + read.format() + "): "
                + o.recordsRead() + " records, " + o.duplicates().size() + " duplicates, " + o.replaced().size() + " replaced"
                + (read.problems().isEmpty() ? "" : ", " + read.problems().size() + " bad records left out")
                + ". PRISMA: " + o.prisma().identified() + " identified, " + o.prisma().duplicatesRemoved() + " duplicates removed.";
    }
}
