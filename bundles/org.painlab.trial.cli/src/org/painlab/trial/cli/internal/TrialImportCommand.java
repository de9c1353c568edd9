package org.painlab.trial.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportLimits;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportReport;
import org.painlab.core.importer.RefusedValue;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.importer.Importer;
import org.painlab.core.importer.Importers;
import org.painlab.core.store.StudySchema;
import org.painlab.trial.exchange.ExchangeFormat;
import org.painlab.trial.exchange.Layout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab trial import DIR FILE [--format NAME] [--mapping FILE] [--layout wide|long]
 * [--dictionary FILE]}: imports a file, all or nothing, with the importer contributed to
 * {@code org.painlab.core.importers} for that format (built-in: csv, xlsx, redcap, odm; a plugin's format
 * works the same way). A rejected file exits 1 with one line naming the first problem (file, row,
 * column, rule) and how many more, then every problem on its own line.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import trial data (subjects, baseline variables, answers) from CSV, XLSX, REDCap, CDISC ODM "
                + "or a format a plugin contributes; all or nothing.")
public final class TrialImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--format", paramLabel = "NAME",
            description = "Importer format: csv, xlsx, redcap, odm or a contributed one (default: from the extension: "
                    + ".csv csv, .xlsx xlsx, .xml odm).")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE", description = "JSON column mapping applied before validation.")
    Path mapping;

    @Option(names = "--layout", paramLabel = "wide|long", description = "Table layout of CSV/XLSX files (default: wide).")
    String layout;

    @Option(names = "--dictionary", paramLabel = "FILE",
            description = "REDCap data dictionary (default: FILE_DataDictionary.csv beside the data file).")
    Path dictionary;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who imports, for the audit trail (default: the OS user).")
    String actor;

    @Option(names = "--accept-refusals",
            description = "Import the rest of a file some of whose values are refused (each refusal goes into the audit "
                    + "trail); without it such a file imports nothing.")
    boolean acceptRefusals;

    @Option(names = "--max-bytes", paramLabel = "N",
            description = "Largest file (or XLSX worksheet) uncompressed, e.g. 500MB (default 100MB; also -Dpainlab.import.max-bytes).")
    String maxBytes;

    @Option(names = "--max-rows", paramLabel = "N", description = "Most rows (records) of a file (default 1000000).")
    String maxRows;

    @Option(names = "--max-columns", paramLabel = "N", description = "Most columns of a row (default 16384).")
    String maxColumns;

    @Option(names = "--max-cell-chars", paramLabel = "N", description = "Longest cell in characters (default 32767).")
    String maxCellChars;

    @Option(names = "--max-ratio", paramLabel = "N",
            description = "How many times its compressed size an XLSX part may inflate (default 100; zip-bomb guard).")
    String maxRatio;

    @Option(names = "--max-listed", paramLabel = "N", defaultValue = "100",
            description = "List at most N problems and refused values (stderr and --json; the totals are always given); 0 lists all. "
                    + "Default: ${DEFAULT-VALUE}.")
    int maxListed;

    @Option(names = "--json", description = "Print one JSON object: values read, imported and refused, what was added "
            + "(also when the import fails, with its problems).")
    boolean json;

    /** Where the study's schemas come from (the contributed ones; tests outside OSGi replace it). */
    Supplier<List<StudySchema>> schemas = StudySchemas::contributed;

    @Override
    public Integer call() {
        Contribution<Importer> chosen = importer();
        if (layout != null) {
            try {
                Layout.of(layout);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--layout: " + e.getMessage());
            }
        }
        if (maxListed < 0) {
            throw new ParameterException(spec.commandLine(), "--max-listed: " + maxListed + " is negative (0 lists everything)");
        }
        try {
            ImportLimits.fromOptions(options());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().replaceFirst("^option ", "--"));
        }
        Importer importer;
        try {
            importer = chosen.get();
        } catch (ContributionException e) {
            throw new CliFailure("--format " + Importers.format(chosen) + ": " + e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            ImportSummary summary;
            try (Study study = Study.open(dir, schemas.get())) {
                summary = importer.importFile(study, file, options(), new NullProgressMonitor());
            }
            if (json) {
                Map<String, Object> out = report(chosen, summary.report());
                out.put("importer", summary.importerId());
                out.put("added", summary.added());
                new Json().print(spec.commandLine().getOut(), out);
            } else {
                ImportReport r = summary.report();
                err.println("imported " + describe(summary.added()) + " from " + file + ": " + r.valuesImported() + " of "
                        + r.valuesRead() + " values" + (r.refused().isEmpty() ? "" : ", " + r.refused().size()
                                + " refused (accepted; listed in the audit trail)"));
                for (ImportProblem w : r.warnings()) {
                    err.println("  warning: " + w);
                }
                err.flush();
            }
            return 0;
        } catch (ImportException e) {
            if (json) {
                Map<String, Object> out = report(chosen, e.report());
                out.put("imported", false);
                List<Object> problems = new java.util.ArrayList<>();
                for (ImportProblem p : listed(e.problems())) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", p.file());
                    m.put("record", p.record());
                    m.put("field", p.field());
                    m.put("rule", p.rule());
                    problems.add(m);
                }
                out.put("problems", problems);
                out.put("problems_total", e.problems().size());
                new Json().print(spec.commandLine().getOut(), out);
            }
            err.println(spec.qualifiedName() + ": " + e.getMessage().replace('\n', ' ')
                    + (!e.report().refused().isEmpty() && !acceptRefusals
                            ? " (" + e.report().refused().size() + " refused values; --accept-refusals imports the rest)" : ""));
            for (ImportProblem p : listed(e.problems())) {
                err.println("  " + p);
            }
            long more = e.problems().size() - listed(e.problems()).size();
            if (more > 0) {
                err.println(String.format(java.util.Locale.ROOT, "  ... and %,d more (--max-listed 0 lists all)", more));
            }
            err.flush();
            return 1;
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    /** The {@code trial import --json} accounting of ../shared/design/CLI.md. */
    private Map<String, Object> report(Contribution<Importer> chosen, ImportReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file.toAbsolutePath().normalize().toString());
        out.put("format", Importers.format(chosen));
        out.put("values_read", r.valuesRead());
        out.put("values_imported", r.valuesImported());
        List<Object> refused = new java.util.ArrayList<>();
        for (RefusedValue v : listed(r.refused())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("record", v.record());
            m.put("field", v.field());
            m.put("line", v.line());
            m.put("value", v.value());
            m.put("reason", v.reason());
            m.put("file", v.file());
            refused.add(m);
        }
        out.put("refused", refused);
        out.put("refused_total", r.refused().size());
        out.put("notes", r.notes());
        List<Object> warnings = new java.util.ArrayList<>();
        for (ImportProblem w : r.warnings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", w.file());
            m.put("line", w.record());
            m.put("field", w.field());
            m.put("warning", w.rule());
            warnings.add(m);
        }
        out.put("warnings", warnings);
        return out;
    }

    /** The first {@code --max-listed} entries of a list (all with 0). */
    private <T> List<T> listed(List<T> all) {
        return maxListed == 0 || all.size() <= maxListed ? all : all.subList(0, maxListed);
    }

    private Contribution<Importer> importer() {
        Importers installed = new Importers();
        String formats = installed.contributions().stream().map(Importers::format).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
        if (format != null) {
            return installed.byFormat(format).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--format: unknown format '" + format + "'; installed formats: " + formats));
        }
        // a .csv with a REDCap data dictionary beside it is a REDCap export
        var known = ExchangeFormat.forImport(file).filter(f -> f == ExchangeFormat.REDCAP)
                .flatMap(f -> installed.byFormat(f.code()));
        if (known.isPresent()) {
            return known.get();
        }
        return installed.forFile(file).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--format: cannot tell the format of " + file.getFileName() + " from its extension; give --format "
                        + formats));
    }

    /** The options map of {@link Importer#importFile}: only what the user gave, so importers keep their defaults. */
    private Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        if (mapping != null) {
            o.put("mapping", mapping.toString());
        }
        if (layout != null) {
            o.put("layout", layout);
        }
        if (dictionary != null) {
            o.put("dictionary", dictionary.toString());
        }
        if (actor != null) {
            o.put("actor", actor);
        }
        if (acceptRefusals) {
            o.put("accept-refusals", "true");
        }
        putLimit(o, ImportLimits.MAX_BYTES, maxBytes);
        putLimit(o, ImportLimits.MAX_ROWS, maxRows);
        putLimit(o, ImportLimits.MAX_COLUMNS, maxColumns);
        putLimit(o, ImportLimits.MAX_CELL_CHARS, maxCellChars);
        putLimit(o, ImportLimits.MAX_RATIO, maxRatio);
        return o;
    }

    private static void putLimit(Map<String, String> o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static String describe(Map<String, Long> added) {
        if (added.containsKey("subjects")) {
            long observations = added.getOrDefault("observations", 0L);
            return added.get("subjects") + " subjects (" + added.get("variables") + " baseline values, "
                    + added.get("answers") + " answers" + (observations > 0 ? ", " + observations
                    + " values of repeated or per-visit forms" : "") + ")";
        }
        return added.toString();
    }
}
