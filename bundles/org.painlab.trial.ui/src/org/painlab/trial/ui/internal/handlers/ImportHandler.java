package org.painlab.trial.ui.internal.handlers;

import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.painlab.core.Study;
import org.painlab.core.ui.OpenStudies;
import org.painlab.trial.ui.internal.wizards.ImportWizard;

/** Trial > Import Trial Data...: the import wizard on the selected study (its visits read in a job first). */
public final class ImportHandler extends StudyHandler {
    @Override
    String title() {
        return "Import trial data";
    }

    @Override
    void run(Shell shell, OpenStudies studies, Study study, Replies replies) {
        inJob("Reading the visits of " + study.name(), shell, title(), replies, monitor -> ImportWizard.visitsOf(study), visits -> {
            ImportWizard wizard = new ImportWizard(study, visits);
            if (new WizardDialog(shell, wizard).open() == Window.OK && wizard.summary() != null) {
                studies.refresh();
                replies.info(title(), ImportWizard.describe(wizard.summary()));
            }
        });
    }
}
