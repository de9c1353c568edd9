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
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudyDemos;
import org.painlab.core.StudySchemas;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.core.ui.AuditActor;
import org.painlab.trial.exchange.ExportOptions;
import org.painlab.trial.exchange.TrialExchange;
import org.painlab.trial.store.Arm;
import org.painlab.trial.store.TrialStore;
import org.painlab.core.ui.ScreenCapture;

/**
 * The import wizard as a user drives it: preview, import, and a rejected file listing its problems;
 * the formats come from org.painlab.core.importers, so this fragment's importer is offered and runs.
 */
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
            ImportWizard wizard = new ImportWizard(target);
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
            ImportWizard wizard = new ImportWizard(target);
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

    @Test
    void everyInstalledImporterIsOfferedAndAContributedOneRuns() throws Exception {
        Path arms = tmp.resolve("design.arms");
        Files.writeString(arms, "S,SNRB before PELD\nP,PELD alone\n");
        try (Study target = Study.create(tmp.resolve("target"), "target", StudySchemas.contributed())) {
            ImportWizard wizard = new ImportWizard(target);
            WizardDialog dialog = open(wizard);
            try {
                ImportPage page = (ImportPage) wizard.getPages()[0];
                assertTrue(page.formats().containsAll(List.of("csv", "xlsx", "redcap", "odm", "arms")), page.formats().toString());
                page.fill(arms, "wide");
                page.chooseFormat("arms");
                assertFalse(page.previewEnabled(), "the trial exchange previews its own formats only");
                page.refreshPreview();
                assertEquals(0, page.previewRows());
                assertTrue(page.getMessage().contains("No preview for Arm list"), page.getMessage());
                screenshot(dialog.getShell(), "import-wizard-contributed.png");
                assertTrue(wizard.performFinish(), "import finished; page says: " + page.getErrorMessage());
                assertEquals(ArmListImporter.ID, wizard.summary().importerId());
                assertEquals(2L, wizard.summary().added().get("arms"));
            } finally {
                dialog.close();
            }
            assertEquals(List.of("S", "P"), new TrialStore(target).arms().stream().map(Arm::code).toList());
            List<AuditEntry> audit = target.read(c -> new AuditLog(c).entries(0, Integer.MAX_VALUE));
            List<AuditEntry> armRows = audit.stream().filter(a -> "arm".equals(a.entity())).toList();
            assertFalse(armRows.isEmpty(), "the arms are in the audit trail: " + audit);
            assertTrue(armRows.stream().allMatch(a -> AuditActor.current().equals(a.actor())),
                    "the wizard's actor reached the importer through its options: " + armRows);
        }
    }

    @Test
    void aContributedImporterChosenByFileNameShowsItsProblemsOnThePage() throws Exception {
        Path arms = tmp.resolve("bad.arms");
        Files.writeString(arms, "S,SNRB before PELD\n1x,bad code\nS,again\n");
        try (Study target = Study.create(tmp.resolve("target"), "target", StudySchemas.contributed())) {
            ImportWizard wizard = new ImportWizard(target);
            WizardDialog dialog = open(wizard);
            try {
                ImportPage page = (ImportPage) wizard.getPages()[0];
                page.fill(arms, "wide");
                assertEquals("arms", org.painlab.core.importer.Importers.format(page.importer()), "chosen from the .arms ending");
                assertFalse(wizard.performFinish(), "a file with problems is rejected");
                assertEquals(2, page.problemRows(), "both bad lines are listed");
                assertTrue(page.getErrorMessage().contains("2 problem(s)"), page.getErrorMessage());
                screenshot(dialog.getShell(), "import-wizard-rejected.png");
            } finally {
                dialog.close();
            }
            assertTrue(new TrialStore(target).arms().isEmpty(), "nothing was imported");
        }
    }

    @Test
    void aBuiltInFormatKeepsItsPreview() throws Exception {
        Path csv = exportedDemo();
        try (Study target = Study.create(tmp.resolve("target"), "target", StudySchemas.contributed())) {
            ImportWizard wizard = new ImportWizard(target);
            WizardDialog dialog = open(wizard);
            try {
                dialog.getShell().setSize(1100, 720);
                ImportPage page = (ImportPage) wizard.getPages()[0];
                page.fill(csv, "wide");
                page.chooseFormat("csv");
                assertTrue(page.previewEnabled());
                page.refreshPreview();
                assertTrue(page.previewRows() > 0, "the preview shows the first subjects");
                screenshot(dialog.getShell(), "import-wizard.png");
            } finally {
                dialog.close();
            }
        }
    }

    /** Saves a picture of the dialog next to the other screenshots, for a human to look at. */
    private static void screenshot(Shell shell, String name) throws Exception {
        Display display = shell.getDisplay();
        long until = System.currentTimeMillis() + 600;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                Thread.sleep(20);
            }
        }
        Path out = Path.of(System.getProperty("painlab.screenshot", "target/clinical.png")).toAbsolutePath().resolveSibling(name);
        ScreenCapture.save(shell, out);
        assertTrue(Files.size(out) > 5_000, out + " has " + Files.size(out) + " bytes");
    }
}
