package org.painlab.trial.internal.exchange;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportLimits;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.importer.Importer;
import org.painlab.trial.exchange.ExchangeFormat;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.TrialExchange;

/**
 * The trial-data importers contributed to {@code org.painlab.core.importers}: one per format, all
 * running {@link TrialExchange#importFile}. Options: {@code format} (csv, xlsx, redcap, odm; default
 * the importer's), {@code layout} (wide, long), {@code mapping} (path of a JSON column mapping),
 * {@code dictionary} (REDCap data dictionary), {@code actor} (who imports; default the OS user), and
 * the size limits of {@link ImportLimits#KEYS} ({@code max-bytes}, {@code max-rows}, ...).
 */
public abstract class TrialImporter implements Importer {
    private final ExchangeFormat format;

    /**
     * Creates the importer.
     *
     * @param format its default format
     */
    protected TrialImporter(ExchangeFormat format) {
        this.format = format;
    }

    /**
     * The format it reads when the options name none; the trial exchange previews files of it.
     *
     * @return the format
     */
    public ExchangeFormat format() {
        return format;
    }

    @Override
    public ImportSummary importFile(Study study, Path file, Map<String, String> options, IProgressMonitor monitor)
            throws ImportException, StudyException {
        ImportOptions o;
        ImportLimits limits;
        try {
            o = ImportOptions.fromMap(file, options == null ? Map.of() : options, format);
            limits = ImportLimits.fromOptions(options);
        } catch (IllegalArgumentException e) {
            throw new ImportException(List.of(new ImportProblem(file.getFileName().toString(), 0, "", e.getMessage())));
        }
        return new TrialExchange(study).withLimits(limits).importFile(file, o, monitor);
    }
}
