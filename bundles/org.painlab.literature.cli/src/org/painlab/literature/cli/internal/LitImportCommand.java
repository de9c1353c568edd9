package org.painlab.literature.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.literature.Duplicate;
import org.painlab.literature.DuplicatePolicy;
import org.painlab.literature.ImportOutcome;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureFormats;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.PrismaCounts;
import org.painlab.literature.RecordProblem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab lit import DIR FILE}: reads a reference file and stores its records in the study in
 * one transaction. A file with a bad record imports nothing (exit 1, the record and line named)
 * unless {@code --accept-good} says to import its good records; duplicates are handled as
 * {@code --duplicates} says.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import references into a study from RIS, BibTeX, MEDLINE (.nbib), PubMed XML, CSL-JSON or pasted page text. "
                + "All records or none; duplicates (same DOI, PMID or title) are reported and handled by --duplicates.")
public final class LitImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", paramLabel = "FILE", description = "The reference file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (by the file's name and first lines), ris, bibtex, medline, pubmed-xml, endnote-xml, csl-json, text, or a contributed "
                    + "format's id. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--duplicates", paramLabel = "CHOICE", defaultValue = "keep-existing",
            description = "What to do with a record the study already holds: keep-existing (count it as a duplicate removed), "
                    + "replace (its fields replace the held reference's), keep-both. Default: ${DEFAULT-VALUE}.")
    String duplicates;

    @Option(names = "--accept-good", description = "When some records of the file are bad, import the good ones "
            + "(without it, nothing is imported).")
    boolean acceptGood;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who imports, for the audit trail (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print one JSON object (also when the import is refused).")
    boolean json;

    @Override
    public Integer call() {
        DuplicatePolicy policy;
        try {
            policy = DuplicatePolicy.of(duplicates);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--duplicates: " + e.getMessage());
        }
        // read twice, record by record, holding no file whole: once to list the problems (the user's
        // all-or-none choice), once into the import's transaction
        LiteratureFormats formats = new LiteratureFormats();
        LiteratureFormats.FileScan read;
        try {
            read = formats.scan(file, format);
        } catch (LiteratureException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        List<RecordProblem> problems = read.problems();
        PrintWriter err = spec.commandLine().getErr();
        if (!problems.isEmpty() && !acceptGood) {
            if (json) {
                Map<String, Object> out = base(read);
                out.put("imported", false);
                out.put("added", Map.of("references", 0));
                new Json().print(spec.commandLine().getOut(), out);
            }
            err.println(spec.qualifiedName() + ": " + file + ": " + problems.get(0).describe() + "; nothing was imported ("
                    + problems.size() + " bad of " + read.recordsRead() + " records; --accept-good imports the "
                    + read.good() + " good ones)");
            for (RecordProblem p : problems.subList(1, problems.size())) {
                err.println("  " + p.describe());
            }
            err.flush();
            return 1;
        }
        ImportOutcome o;
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            String who = actor != null ? actor : System.getProperty("user.name", "unknown");
            String chosen = read.format();
            o = new LiteratureStore(study, who).importStream(file.getFileName().toString(), chosen,
                    sink -> formats.stream(file, chosen, sink), policy);
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        if (json) {
            Map<String, Object> out = base(read);
            out.put("imported", true);
            out.put("added", Map.of("references", o.added().size()));
            out.put("keys", o.added());
            out.put("replaced", o.replaced());
            List<Object> dups = new ArrayList<>();
            for (Duplicate d : o.duplicates()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("record", d.record());
                m.put("title", d.title());
                m.put("existing", d.existingKey());
                m.put("matched_on", d.matchedOn());
                m.put("action", d.action().id());
                dups.add(m);
            }
            out.put("duplicates", dups);
            out.put("prisma", prisma(o.prisma()));
            new Json().print(spec.commandLine().getOut(), out);
        } else {
            err.println("imported " + o.added().size() + " references from " + file + " (" + read.format() + "): "
                    + o.recordsRead() + " records, " + o.duplicates().size() + " duplicates (" + policy.id() + "), "
                    + o.replaced().size() + " replaced" + (problems.isEmpty() ? "" : ", " + problems.size() + " bad records left out"));
            for (Duplicate d : o.duplicates()) {
                err.println("  duplicate: record " + d.record() + " \"" + d.title() + "\" = " + d.existingKey() + " (same " + d.matchedOn() + ")");
            }
            err.flush();
        }
        return 0;
    }

    private Map<String, Object> base(LiteratureFormats.FileScan read) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toAbsolutePath().normalize().toString());
        out.put("format", read.format());
        out.put("records_read", read.recordsRead());
        List<Object> refused = new ArrayList<>();
        for (RecordProblem p : read.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("record", p.record());
            m.put("id", p.recordId());
            m.put("line", p.line());
            m.put("field", p.field());
            m.put("reason", p.reason());
            refused.add(m);
        }
        out.put("refused", refused);
        return out;
    }

    private static Map<String, Object> prisma(PrismaCounts p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identified", p.identified());
        m.put("duplicates_removed", p.duplicatesRemoved());
        m.put("screened", p.screened());
        return m;
    }
}
