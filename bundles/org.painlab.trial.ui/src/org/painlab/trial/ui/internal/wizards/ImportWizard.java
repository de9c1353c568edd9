package org.painlab.trial.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.wizard.Wizard;
import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.ui.AuditActor;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.TrialExchange;

/**
 * Trial > Import Trial Data...: choose a file and how to read it, preview, import with a
 * progress bar (cancel rolls everything back). A rejected file shows every problem.
 */
public final class ImportWizard extends Wizard {
    private final TrialExchange exchange;
    private ImportPage page;
    private ImportSummary summary;

    public ImportWizard(TrialExchange exchange) {
        this.exchange = exchange;
        setWindowTitle("Import Trial Data");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        page = new ImportPage(exchange);
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        ImportOptions options;
        try {
            options = page.options().withActor(AuditActor.current());
        } catch (ImportException e) {
            page.showProblems(e.problems());
            page.setErrorMessage(e.getMessage());
            return false;
        }
        // widgets are read here, on the UI thread: the import itself runs in a worker thread
        java.nio.file.Path file = page.file();
        try {
            getContainer().run(true, true, monitor -> {
                try {
                    summary = exchange.importFile(file, options, monitor);
                } catch (ImportException | StudyException e) {
                    throw new InvocationTargetException(e);
                }
            });
            return true;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ImportException ie) {
                page.showProblems(ie.problems());
                page.setErrorMessage("Rejected, nothing imported: " + ie.problems().size() + " problem(s), listed below.");
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
}
