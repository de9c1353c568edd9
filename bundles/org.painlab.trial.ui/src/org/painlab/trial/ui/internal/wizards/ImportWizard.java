package org.painlab.trial.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.wizard.Wizard;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportReport;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.importer.Importer;
import org.painlab.core.ui.AuditActor;
import org.painlab.trial.exchange.TrialExchange;
import org.painlab.trial.internal.exchange.TrialImporter;

/**
 * Trial > Import Trial Data...: choose a file and an installed importer, preview (trial formats),
 * import through {@link Importer} with a progress bar (cancel rolls everything back). A rejected
 * file shows every problem; a file with refused values imports nothing unless the page's check box
 * accepts them, and then the summary says how many were refused.
 */
public final class ImportWizard extends Wizard {
    private final Study study;
    private ImportPage page;
    private ImportSummary summary;

    private final java.util.List<String> visits;

    /**
     * @param study the study imported into
     * @param visits the study's visit ids, offered as routes of a form (read with {@link #visitsOf} in a job)
     */
    public ImportWizard(Study study, java.util.List<String> visits) {
        this.study = study;
        this.visits = java.util.List.copyOf(visits);
        setWindowTitle("Import Trial Data");
        setNeedsProgressMonitor(true);
    }

    /**
     * The visit ids of a study, for {@link #ImportWizard(Study, java.util.List)}: reads the database, so
     * call it off the UI thread. A study that cannot list its visits gets none (it still imports; visits
     * can be typed in the route combo).
     *
     * @param study the study
     * @return its visit ids in time order
     */
    public static java.util.List<String> visitsOf(Study study) {
        try {
            return new org.painlab.trial.store.TrialStore(study).visitDefinitions().stream().map(v -> v.id()).toList();
        } catch (StudyException e) {
            return java.util.List.of();
        }
    }

    @Override
    public void addPages() {
        java.util.List<String> instruments = org.painlab.trial.store.InstrumentCatalog.installed().all().stream()
                .map(i -> i.id()).toList();
        page = new ImportPage(new TrialExchange(study), visits, instruments);
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        Contribution<Importer> chosen;
        Importer importer;
        try {
            chosen = page.importer();
            importer = chosen.get();
        } catch (ImportException e) {
            page.showProblems(e.problems());
            page.setErrorMessage(e.getMessage());
            return false;
        } catch (ContributionException e) {
            page.setErrorMessage("Not imported: " + e.getMessage());
            return false;
        }
        // widgets are read here, on the UI thread: the import itself runs in a worker thread
        Map<String, String> options = page.options();
        options.put("actor", AuditActor.current());
        Path file = page.file();
        // the routing chosen per form joins the mapping file's: a trial importer takes the mapping built here
        org.painlab.trial.exchange.ColumnMapping routed;
        try {
            routed = page.formsRouted() && importer instanceof TrialImporter ? page.mapping() : null;
        } catch (ImportException e) {
            page.showProblems(e.problems());
            page.setErrorMessage(e.getMessage());
            return false;
        }
        try {
            getContainer().run(true, true, monitor -> {
                try {
                    summary = routed == null ? importer.importFile(study, file, options, monitor)
                            : ((TrialImporter) importer).importFile(study, file, options, routed, monitor);
                } catch (ImportException | StudyException e) {
                    throw new InvocationTargetException(e);
                }
            });
            return true;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ImportException ie) {
                page.showRejection(ie);
                int refused = ie.report().refused().size();
                boolean onlyRefusals = refused > 0 && ie.problems().stream()
                        .allMatch(p -> ie.report().refused().stream().anyMatch(r -> r.reason().equals(p.rule())));
                page.setErrorMessage(onlyRefusals
                        ? "Nothing imported: " + refused + " value(s) refused, listed below. Tick \"Import the rest\" to import the"
                                + " other values and record the refused ones in the audit trail."
                        : "Rejected, nothing imported: " + ie.problems().size() + " problem(s), listed below.");
            } else if (cause instanceof OperationCanceledException) {
                page.setErrorMessage("Cancelled: nothing was imported.");
            } else {
                // shown on the page, so the user can fix the choice and try again without losing it
                page.setErrorMessage("Not imported: " + (cause == null ? e.getMessage() : cause.getMessage()));
            }
            return false;
        } catch (InterruptedException e) {
            page.setErrorMessage("Cancelled: nothing was imported.");
            return false;
        }
    }

    /** What the finished import added, or null. */
    public ImportSummary summary() {
        return summary;
    }

    /**
     * The finished import in words: what was added and, for an importer that counts values, how many
     * were read, imported and refused.
     *
     * @param s the summary
     * @return one paragraph
     */
    public static String describe(ImportSummary s) {
        StringBuilder b = new StringBuilder("Imported: ");
        b.append(s.added().entrySet().stream().map(e -> e.getValue() + " " + e.getKey().replace('_', ' '))
                .collect(java.util.stream.Collectors.joining(", ")));
        ImportReport r = s.report();
        if (r.valuesRead() > 0 || !r.refused().isEmpty()) {
            b.append(".\n").append(r.valuesRead()).append(" values read, ").append(r.valuesImported()).append(" imported");
            if (!r.refused().isEmpty()) {
                b.append(", ").append(r.refused().size()).append(" refused (recorded in the audit trail)");
            }
        }
        b.append('.');
        for (org.painlab.core.importer.ImportProblem w : r.warnings()) {
            b.append("\nWarning: ").append(w.record() > 0 ? "line " + w.record() + ", " : "")
                    .append(w.field().isEmpty() ? "" : w.field() + ": ").append(w.rule());
        }
        return b.toString();
    }
}
