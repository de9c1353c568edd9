package org.painlab.trial.ui.internal.wizards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudyDemos;
import org.painlab.core.StudySchemas;
import org.painlab.trial.exchange.ExportOptions;
import org.painlab.trial.exchange.TrialExchange;

/** The import wizard as a user drives it: preview, import, and a rejected file listing its problems. */
class ImportWizardTest {
    @TempDir
    Path tmp;

    private Path exportedDemo() throws Exception {
        Path demo = new NewStudy(StudySchemas.contributed()).create(tmp.resolve("demo"), "demo", StudyDemos.get("snrb-peld"), 3L,
                new NullProgressMonitor());
        Path csv = tmp.resolve("demo.csv");
        try (Study s = Study.open(demo, StudySchemas.contributed())) {
            new TrialExchange(s).exportFile(csv, ExportOptions.forFile(csv), null);
        }
        return csv;
    }

    private static WizardDialog open(ImportWizard wizard) {
        WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        return dialog;
    }

    @Test
    void previewThenImportAddsEverySubject() throws Exception {
        Path csv = exportedDemo();
        try (Study target = Study.create(tmp.resolve("target"), "target", StudySchemas.contributed())) {
            ImportWizard wizard = new ImportWizard(new TrialExchange(target));
            WizardDialog dialog = open(wizard);
            try {
                ImportPage page = (ImportPage) wizard.getPages()[0];
                page.fill(csv, "wide");
                page.refreshPreview();
                assertTrue(page.previewRows() > 0, "the preview shows the first subjects");
                assertEquals(0, page.problemRows());
                assertTrue(wizard.performFinish(), "import finished; page says: " + page.getErrorMessage());
                assertNotNull(wizard.summary());
            } finally {
                dialog.close();
            }
            assertEquals(77L, target.info().count("subjects"));
        }
    }

    @Test
    void aRejectedFileListsEveryProblemAndImportsNothing() throws Exception {
        Path csv = exportedDemo();
        List<String> lines = Files.readAllLines(csv);
        String header = lines.get(0);
        int vas = List.of(header.split(",")).indexOf("vas.admission");
        assertTrue(vas > 0, header);
        for (int row : new int[] { 1, 2 }) {
            String[] cells = lines.get(row).split(",", -1);
            cells[vas] = "11";
            lines.set(row, String.join(",", cells));
        }
        Path bad = tmp.resolve("bad.csv");
        Files.write(bad, lines);
        try (Study target = Study.create(tmp.resolve("target"), "target", StudySchemas.contributed())) {
            ImportWizard wizard = new ImportWizard(new TrialExchange(target));
            WizardDialog dialog = open(wizard);
            try {
                ImportPage page = (ImportPage) wizard.getPages()[0];
                page.fill(bad, "wide");
                assertFalse(wizard.performFinish(), "a file with problems is rejected");
                assertTrue(page.problemRows() >= 2, "both bad rows are listed: " + page.problemRows());
            } finally {
                dialog.close();
            }
            assertEquals(0L, target.info().count("subjects"), "nothing was imported");
        }
    }
}
