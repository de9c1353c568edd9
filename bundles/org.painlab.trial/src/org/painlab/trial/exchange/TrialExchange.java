package org.painlab.trial.exchange;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportLimits;
import org.painlab.core.importer.ImportSummary;
import org.painlab.trial.internal.exchange.ImportRunner;
import org.painlab.trial.internal.exchange.OdmExporter;
import org.painlab.trial.internal.exchange.RedcapExporter;
import org.painlab.trial.internal.exchange.TabularExporter;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;

/**
 * Imports and exports a study's trial data (subjects, baseline variables, answers) as CSV or XLSX
 * (wide or long layout, see {@link ColumnNames}), REDCap (data CSV + data dictionary) or CDISC ODM 1.3
 * XML.
 *
 * <p>An import is all or nothing: the whole file is validated first and every problem is reported
 * ({@link ImportException} with file, row, column and rule); only a file without problems is written,
 * in one transaction, with one audit row per subject naming the file and row. Every non-empty value
 * read is counted and ends imported or refused with its reason
 * ({@link org.painlab.core.importer.ImportReport}, in the summary and in the exception); a file with
 * refused values is written only when the options accept the refusals, and each accepted refusal is
 * written to the audit trail. Two different values for one slot are refused as a conflict, never
 * last-wins. An import only adds
 * subjects. When the study has no arms (visits) yet, those found in the file are defined; baseline
 * variables the study does not define are defined from the file's metadata or with the type that fits
 * their values. Exports are written to a temporary file and moved into place atomically.
 *
 * @since 0.1
 */
public final class TrialExchange {
    private final TrialStore store;
    private final ImportLimits limits;

    /**
     * Exchange for a study with the installed instruments.
     *
     * @param study an open study
     */
    public TrialExchange(Study study) {
        this(new TrialStore(study, InstrumentCatalog.installed()));
    }

    /**
     * Exchange through a store.
     *
     * @param store the store
     */
    public TrialExchange(TrialStore store) {
        this(store, ImportLimits.defaults());
    }

    private TrialExchange(TrialStore store, ImportLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * The same exchange with other size limits for imports (a file passing one is refused, see
     * {@link ImportLimits}); the default are {@link ImportLimits#defaults()}.
     *
     * @param importLimits how large an imported file may be
     * @return an exchange with those limits
     * @since 0.1
     */
    public TrialExchange withLimits(ImportLimits importLimits) {
        return new TrialExchange(store, importLimits == null ? ImportLimits.defaults() : importLimits);
    }

    /**
     * The size limits imports are checked against.
     *
     * @return the limits
     * @since 0.1
     */
    public ImportLimits limits() {
        return limits;
    }

    /**
     * Imports a file.
     *
     * @param file the file
     * @param options format, layout, mapping, dictionary, actor
     * @param monitor progress (cancelling rolls back), or null
     * @return counts of what was added
     * @throws ImportException listing every problem; the study is unchanged
     * @throws StudyException when the study cannot be read or written
     */
    public ImportSummary importFile(Path file, ImportOptions options, IProgressMonitor monitor)
            throws ImportException, StudyException {
        return new ImportRunner(store, limits).run(file, options, monitor == null ? new NullProgressMonitor() : monitor);
    }

    /**
     * The first subjects of a file as they will be imported, with the problems found so far (for the
     * mapping step with a preview). Nothing is written.
     *
     * @param file the file
     * @param options format, layout, mapping, dictionary
     * @param maxRows how many subjects to show
     * @return the preview
     * @throws StudyException when the study cannot be read
     */
    public ImportPreview preview(Path file, ImportOptions options, int maxRows) throws StudyException {
        return new ImportRunner(store, limits).preview(file, options, maxRows);
    }

    /**
     * Exports the trial data.
     *
     * @param file the target file (REDCap: the data CSV; the dictionary goes beside it as
     *     {@code <name>_DataDictionary.csv}; CSV/XLSX with {@link ExportOptions#design()}: the design
     *     goes beside it as {@code <name>_design.csv}, and the visit dates and locks, the screening log
     *     and the revealed allocation list as {@code <name>_visits.csv}, {@code <name>_screening.csv},
     *     {@code <name>_allocation.csv} beside a CSV table or as sheets of the workbook; ODM carries them
     *     in a vendor extension, REDCap the visit dates)
     * @param options format and layout
     * @param monitor progress, or null
     * @return what was written
     * @throws StudyException when reading or writing fails (the target is then unchanged)
     */
    public ExportSummary exportFile(Path file, ExportOptions options, IProgressMonitor monitor) throws StudyException {
        SubMonitor sub = SubMonitor.convert(monitor, "Exporting " + file.getFileName(), 1);
        ExportSummary s = switch (options.format()) {
            case CSV -> TabularExporter.export(store, file, false, options.layout(), options.design());
            case XLSX -> TabularExporter.export(store, file, true, options.layout(), options.design());
            case REDCAP -> RedcapExporter.export(store, file);
            case ODM -> OdmExporter.export(store, file);
        };
        sub.worked(1);
        return s;
    }
}
