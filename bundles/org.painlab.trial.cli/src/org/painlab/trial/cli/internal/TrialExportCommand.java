package org.painlab.trial.cli.internal;

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
import org.painlab.core.store.StudySchema;
import org.painlab.trial.exchange.ExchangeFormat;
import org.painlab.trial.exchange.ExportOptions;
import org.painlab.trial.exchange.ExportSummary;
import org.painlab.trial.exchange.Layout;
import org.painlab.trial.exchange.TrialExchange;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab trial export DIR FILE [--format csv|xlsx|odm|redcap] [--layout wide|long]}: writes the
 * study's trial data (atomically: a temporary file moved into place).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export trial data (subjects, baseline variables, answers; REDCap and ODM also the observations of repeated and per-visit forms) as CSV, XLSX, CDISC ODM or REDCap.")
public final class TrialExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", paramLabel = "FILE", description = "The file to write (REDCap: the data CSV; the "
            + "dictionary goes beside it).")
    Path file;

    @Option(names = "--format", paramLabel = "csv|xlsx|odm|redcap",
            description = "File format (default: from the extension: .csv csv, .xlsx xlsx, .xml odm).")
    String format;

    @Option(names = "--layout", paramLabel = "wide|long", defaultValue = "wide",
            description = "Table layout of CSV/XLSX files (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--json", description = "Print one JSON object with what was written.")
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
        ExportSummary s;
        boolean simulated;
        try (Study study = Study.openReadOnly(dir, schemas.get())) {
            TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
            simulated = store.simulated();
            s = new TrialExchange(store).exportFile(file, new ExportOptions(f, l, true), new NullProgressMonitor());
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("files", s.files().stream().map(Path::toString).toList());
            out.put("format", f.code());
            out.put("layout", l.code());
            out.put("subjects", s.subjects());
            out.put("values", s.values());
            out.put("simulated", simulated);
            new Json().print(spec.commandLine().getOut(), out);
        } else {
            spec.commandLine().getErr().println("exported " + s.subjects() + " subjects" + (simulated ? " (SIMULATED data)" : "")
                    + " to " + String.join(", ", s.files().stream().map(Path::toString).toList()));
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    /**
     * The export format from the option or the file's extension (exports have no extension point yet:
     * the formats are trial's own).
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
