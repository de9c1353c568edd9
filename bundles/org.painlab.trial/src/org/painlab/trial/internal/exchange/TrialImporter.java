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
import org.painlab.trial.exchange.ColumnMapping;
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
        return importFile(study, file, options, null, monitor);
    }

    /**
     * Imports with a column mapping built in code (the import wizard's routing per form) instead of the
     * {@code mapping} option's file.
     *
     * @param study the study imported into
     * @param file the file
     * @param options the options map (as {@link #importFile(Study, Path, Map, IProgressMonitor)})
     * @param mapping the mapping to use, or null for the {@code mapping} option's
     * @param monitor progress and cancel, or null
     * @return what was added
     * @throws ImportException listing every problem; nothing was written
     * @throws StudyException when the study cannot be written
     */
    public ImportSummary importFile(Study study, Path file, Map<String, String> options, ColumnMapping mapping,
            IProgressMonitor monitor) throws ImportException, StudyException {
        ImportOptions o;
        ImportLimits limits;
        try {
            o = ImportOptions.fromMap(file, options == null ? Map.of() : options, format);
            limits = ImportLimits.fromOptions(options);
        } catch (IllegalArgumentException e) {
            throw new ImportException(List.of(new ImportProblem(file.getFileName().toString(), 0, "", e.getMessage())));
        }
        if (mapping != null) {
            o = o.withMapping(mapping);
        }
        return new TrialExchange(study).withLimits(limits).importFile(file, o, monitor);
    }
}
