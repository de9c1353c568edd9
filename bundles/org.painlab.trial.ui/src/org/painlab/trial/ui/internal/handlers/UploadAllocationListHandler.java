package org.painlab.trial.ui.internal.handlers;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.core.ui.AuditActor;
import org.painlab.core.ui.OpenStudies;
import org.painlab.core.ui.UiJobs;
import org.painlab.trial.store.TrialStore;

/**
 * Trial > Upload Allocation List...: a list made elsewhere (CSV {@code seq,arm[,block,stratum]},
 * as REDCap labs do), checked whole, stored and locked; every problem of a rejected file is shown.
 */
public final class UploadAllocationListHandler extends StudyHandler {
    static final String TITLE = "Upload allocation list";

    @Override
    String title() {
        return TITLE;
    }

    @Override
    void run(Shell shell, OpenStudies studies, Study study, Replies replies) {
        inJob("Reading the allocation list of " + study.name(), shell, TITLE, replies,
                monitor -> new TrialStore(study).allocationStatus().locked(), locked -> {
                    if (locked) {
                        replies.info(TITLE, "The allocation list is already locked.");
                        return;
                    }
                    FileDialog d = new FileDialog(shell, SWT.OPEN);
                    d.setFilterExtensions(new String[] { "*.csv", "*.*" });
                    String file = d.open();
                    if (file != null) {
                        upload(shell, studies, study, Path.of(file), replies);
                    }
                });
    }

    /**
     * Checks, stores and locks the list in {@code file} in a job; a rejected file is told with every
     * problem (at most 30 listed).
     *
     * @return the job
     */
    public static Job upload(Shell shell, OpenStudies studies, Study study, Path file, Replies replies) {
        String actor = AuditActor.current();
        return UiJobs.run("Uploading the allocation list " + file.getFileName(), shell, monitor -> {
            TrialStore store = new TrialStore(study);
            store.uploadAllocationList(actor, file, "uploaded from " + file.getFileName());
            store.lockAllocationList(actor, "locked at upload");
            return store.allocationStatus().size();
        }, size -> {
            studies.refresh();
            replies.info(TITLE, "Stored and locked: " + size + " allocations.");
        }, e -> {
            if (e instanceof ImportException ie) {
                replies.error(TITLE, "Rejected, nothing stored:\n"
                        + ie.problems().stream().limit(30).map(Object::toString).collect(Collectors.joining("\n"))
                        + (ie.problems().size() > 30 ? "\n... and " + (ie.problems().size() - 30) + " more" : ""));
            } else {
                replies.error(TITLE, e.getMessage());
            }
        });
    }
}
