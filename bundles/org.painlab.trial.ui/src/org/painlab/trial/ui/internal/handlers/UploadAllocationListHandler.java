package org.painlab.trial.ui.internal.handlers;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.store.TrialStore;

/**
 * Trial > Upload Allocation List...: a list made elsewhere (CSV {@code seq,arm[,block,stratum]},
 * as REDCap labs do), checked whole, stored and locked; every problem of a rejected file is shown.
 */
public final class UploadAllocationListHandler extends StudyHandler {
    @Override
    String title() {
        return "Upload allocation list";
    }

    @Override
    void run(Shell shell, OpenStudies studies, Study study) throws StudyException {
        TrialStore store = new TrialStore(study);
        if (store.allocationStatus().locked()) {
            MessageDialog.openInformation(shell, title(), "The allocation list is already locked.");
            return;
        }
        FileDialog d = new FileDialog(shell, SWT.OPEN);
        d.setFilterExtensions(new String[] { "*.csv", "*.*" });
        String file = d.open();
        if (file == null) {
            return;
        }
        try {
            String actor = AuditActor.current();
            store.uploadAllocationList(actor, Path.of(file), "uploaded from " + Path.of(file).getFileName());
            store.lockAllocationList(actor, "locked at upload");
            studies.refresh();
            MessageDialog.openInformation(shell, title(), "Stored and locked: " + store.allocationStatus().size() + " allocations.");
        } catch (ImportException e) {
            MessageDialog.openError(shell, title(), "Rejected, nothing stored:\n"
                    + e.problems().stream().limit(30).map(Object::toString).collect(Collectors.joining("\n"))
                    + (e.problems().size() > 30 ? "\n... and " + (e.problems().size() - 30) + " more" : ""));
        }
    }
}
