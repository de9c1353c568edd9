package org.painlab.literature.ui.internal.handlers;

import java.util.Optional;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.AuditActor;
import org.painlab.literature.DuplicatePolicy;
import org.painlab.literature.ImportOutcome;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureFormats;
import org.painlab.literature.ui.internal.views.Workbench;

/**
 * File > Import References...: asks for the file, format and duplicates choice, reads the file in a
 * job, asks "the good records or nothing?" when some are bad, stores in a second job and tells the
 * outcome; the Library is read again.
 */
public final class ImportReferencesHandler extends AbstractHandler {
    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        Optional<Study> study = Workbench.study();
        if (study.isEmpty()) {
            MessageDialog.openInformation(shell, "Import References", "Open or select a study first: the references are stored in it.");
            return null;
        }
        ReferenceImport imports = new ReferenceImport();
        ImportDialog d = new ImportDialog(shell, imports.formats());
        if (d.open() != Window.OK) {
            return null;
        }
        Display display = shell.getDisplay();
        Job read = Job.create("Reading " + d.file().getFileName(), (IProgressMonitor m) -> {
            try {
                LiteratureFormats.FileScan r = imports.read(d.file(), d.format());
                display.asyncExec(() -> {
                    boolean accept = r.problems().isEmpty()
                            || MessageDialog.openQuestion(shell, "Bad records", ReferenceImport.question(r));
                    if (accept) {
                        store(shell, study.get(), imports, r, d.policy());
                    }
                });
                return Status.OK_STATUS;
            } catch (LiteratureException e) {
                display.asyncExec(() -> MessageDialog.openError(shell, "Import References", e.getMessage()));
                return Status.warning(e.getMessage(), e);
            }
        });
        read.schedule();
        return null;
    }

    private static void store(Shell shell, Study study, ReferenceImport imports, LiteratureFormats.FileScan r, DuplicatePolicy policy) {
        String actor = AuditActor.current();
        Display display = shell.getDisplay();
        Job job = Job.create("Importing " + r.file().getFileName(), (IProgressMonitor m) -> {
            try {
                ImportOutcome o = imports.store(study, actor, r, policy, true);
                display.asyncExec(() -> {
                    Workbench.studies().refresh();
                    MessageDialog.openInformation(shell, "Import References", ReferenceImport.summary(o, r));
                });
                return Status.OK_STATUS;
            } catch (StudyException e) {
                display.asyncExec(() -> MessageDialog.openError(shell, "Import References", "Nothing was imported: " + e.getMessage()));
                return Status.warning(e.getMessage(), e);
            }
        });
        job.schedule();
    }
}
