package org.painlab.trial.internal.cli;

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
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.store.StudySchema;
import org.painlab.trial.exchange.ColumnMapping;
import org.painlab.trial.exchange.ExchangeFormat;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.Layout;
import org.painlab.trial.exchange.TrialExchange;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab trial import DIR FILE [--format csv|xlsx|redcap|odm] [--mapping FILE] [--layout wide|long]
 * [--dictionary FILE]}: imports trial data, all or nothing. A rejected file exits 1 with one line naming
 * the first problem (file, row, column, rule) and how many more, then every problem on its own line.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import trial data (subjects, baseline variables, answers) from CSV, XLSX, REDCap or CDISC ODM; "
                + "all or nothing.")
public final class TrialImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Option(names = "--format", paramLabel = "csv|xlsx|redcap|odm",
            description = "File format (default: from the extension: .csv csv, .xlsx xlsx, .xml odm).")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE", description = "JSON column mapping applied before validation.")
    Path mapping;

    @Option(names = "--layout", paramLabel = "wide|long", defaultValue = "wide",
            description = "Table layout of CSV/XLSX files (default: ${DEFAULT-VALUE}).")
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
        ExchangeFormat f = format(format, file, spec);
        Layout l;
        try {
            l = Layout.of(layout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--layout: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        try {
            ColumnMapping m = mapping == null ? ColumnMapping.none() : ColumnMapping.load(mapping);
            ImportOptions options = new ImportOptions(f, l, m, dictionary, actor);
            ImportSummary summary;
            try (Study study = Study.open(dir, schemas.get())) {
                summary = new TrialExchange(study).importFile(file, options, new NullProgressMonitor());
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("file", file.toAbsolutePath().normalize().toString());
                out.put("format", f.code());
                out.put("importer", summary.importerId());
                out.put("added", summary.added());
                new Json().print(spec.commandLine().getOut(), out);
            } else {
                err.println("imported " + summary.added().get("subjects") + " subjects (" + summary.added().get("variables")
                        + " baseline values, " + summary.added().get("answers") + " answers) from " + file);
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

    /**
     * The format from the option or the file's extension.
     *
     * @param format the option value or null
     * @param file the file
     * @param spec the command, for usage errors
     * @return the format
     */
    static ExchangeFormat format(String format, Path file, CommandSpec spec) {
        if (format == null) {
            return ExchangeFormat.fromFileName(file).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--format: cannot tell the format of " + file.getFileName() + " from its extension; give --format "
                            + "csv, xlsx, redcap or odm"));
        }
        try {
            return ExchangeFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
    }
}
