package org.painlab.trial.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.exchange.ExportOptions;
import org.painlab.trial.exchange.TrialExchange;

/**
 * Trial > Export Trial Data...: the format follows the file name (.csv, .xlsx, .xml for
 * CDISC ODM); runs as a job; the file appears only when complete.
 */
public final class ExportHandler extends StudyHandler {
    @Override
    String title() {
        return "Export trial data";
    }

    @Override
    void run(Shell shell, OpenStudies studies, Study study, Replies replies) {
        FileDialog d = new FileDialog(shell, SWT.SAVE);
        d.setFilterExtensions(new String[] { "*.csv", "*.xlsx", "*.xml" });
        d.setFilterNames(new String[] { "CSV, wide (*.csv)", "Excel (*.xlsx)", "CDISC ODM 1.3 (*.xml)" });
        d.setFileName(study.folder().getFileName() + ".csv");
        d.setOverwrite(true);
        String target = d.open();
        if (target == null) {
            return;
        }
        Path file = Path.of(target);
        ExportOptions options = ExportOptions.forFile(file);
        Job job = Job.create("Exporting " + study.name() + " to " + file.getFileName(), monitor -> {
            try {
                new TrialExchange(study).exportFile(file, options, monitor);
                return Status.OK_STATUS;
            } catch (StudyException e) {
                return Status.error(e.getMessage(), e);
            }
        });
        job.setUser(true);
        job.schedule();
    }
}
