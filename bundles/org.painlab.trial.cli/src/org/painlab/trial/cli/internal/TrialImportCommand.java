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
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.importer.Importer;
import org.painlab.core.importer.Importers;
import org.painlab.core.store.StudySchema;
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

    @Option(names = "--json", description = "Print one JSON object with what was added.")
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
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("file", file.toAbsolutePath().normalize().toString());
                out.put("format", Importers.format(chosen));
                out.put("importer", summary.importerId());
                out.put("added", summary.added());
                new Json().print(spec.commandLine().getOut(), out);
            } else {
                err.println("imported " + describe(summary.added()) + " from " + file);
                err.flush();
            }
            return 0;
        } catch (ImportException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage().replace('\n', ' '));
            for (ImportProblem p : e.problems()) {
                err.println("  " + p);
            }
            err.flush();
            return 1;
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    private Contribution<Importer> importer() {
        Importers installed = new Importers();
        String formats = installed.contributions().stream().map(Importers::format).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
        if (format != null) {
            return installed.byFormat(format).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--format: unknown format '" + format + "'; installed formats: " + formats));
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
        return o;
    }

    private static String describe(Map<String, Long> added) {
        if (added.containsKey("subjects")) {
            return added.get("subjects") + " subjects (" + added.get("variables") + " baseline values, "
                    + added.get("answers") + " answers)";
        }
        return added.toString();
    }
}
