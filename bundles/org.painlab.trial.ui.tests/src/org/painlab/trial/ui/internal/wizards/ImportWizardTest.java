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
            ImportWizard wizard = new ImportWizard(target, ImportWizard.visitsOf(target));
            WizardDialog dialog = open(wizard);
            try {
                ImportPage page = (ImportPage) wizard.getPages()[0];
                page.fill(csv, "wide");
                page.refreshPreview();
                assertTrue(page.previewRows() > 0, "the preview shows the first subjects");
                // no problem, one warning: the demo's variables are new to the empty study, and named
                assertEquals(1, page.problemRows());
                String[] warning = page.problemTable().get(0);
                assertTrue(warning[3].matches("warning: \\d+ new variables?: .+"), warning[3]);
                assertTrue(wizard.performFinish(), "import finished; page says: " + page.getErrorMessage());
                assertNotNull(wizard.summary());
                String said = ImportWizard.describe(wizard.summary());
                assertTrue(said.contains("\nWarning: ") && said.contains(" new variables: "), said);
                screenshot(dialog.getShell(), "import-wizard-new-variables.png");
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
            ImportWizard wizard = new ImportWizard(target, ImportWizard.visitsOf(target));
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
            ImportWizard wizard = new ImportWizard(target, ImportWizard.visitsOf(target));
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
            ImportWizard wizard = new ImportWizard(target, ImportWizard.visitsOf(target));
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
            ImportWizard wizard = new ImportWizard(target, ImportWizard.visitsOf(target));
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

    /** A REDCap export of the shared reference data; fails naming what is missing. */
    private static Path reference(String name) {
        String ref = System.getProperty("painlab.reference");
        assertNotNull(ref, "the shared reference data is needed: run with -Dpainlab.reference=<../shared/reference>"
                + " (the parent pom sets it)");
        Path p = Path.of(ref, "exchange", "redcap", name);
        assertTrue(Files.isRegularFile(p), "reference file missing: " + p.toAbsolutePath());
        return p;
    }

    @Test
    void refusedValuesAreShownBeforeAnythingIsWrittenAndImportOnlyWhenAccepted() throws Exception {
        Path data = reference("redcap_arm-multiple.csv");
        try (Study target = Study.create(tmp.resolve("target"), "target", StudySchemas.contributed())) {
            ImportWizard wizard = new ImportWizard(target, ImportWizard.visitsOf(target));
            WizardDialog dialog = open(wizard);
            try {
                dialog.getShell().setSize(1100, 760);
                ImportPage page = (ImportPage) wizard.getPages()[0];
                page.fill(data, "wide");
                assertEquals("redcap", org.painlab.core.importer.Importers.format(page.importer()),
                        "a .csv with its REDCap data dictionary beside it is read as REDCap");
                assertFalse(page.refusalsAccepted(), "refusals are not accepted unless the user ticks the box");
                page.refreshPreview();
                String counts = page.countsText();
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("Values read: (\\d+)   to import: (\\d+)   refused: (\\d+)(?:   warnings: (\\d+))?").matcher(counts);
                assertTrue(m.matches(), counts);
                long read = Long.parseLong(m.group(1));
                long toImport = Long.parseLong(m.group(2));
                int refused = Integer.parseInt(m.group(3));
                assertTrue(refused > 0, "the file has refused values: " + counts);
                assertEquals(read, toImport + refused, counts);
                List<String[]> table = page.problemTable();
                List<String[]> warned = table.stream().filter(r -> r[3].startsWith("warning: ")).toList();
                assertEquals(m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), warned.size(), "the warnings follow the refusals");
                assertTrue(warned.isEmpty() || warned.get(0)[3].matches("warning: \\d+ new variables?: .*"),
                        "the variables the import defines come first, named: " + warned);
                assertEquals(refused + warned.size(), table.size(), "every refusal is listed, then the warnings, nothing else");
                String[] r101 = table.stream().filter(r -> r[0].equals("101")).findFirst().orElseThrow();
                assertEquals("redcap_event_name", r101[1]);
                assertFalse(r101[2].isBlank(), "the refused value is shown");
                assertTrue(r101[3].contains("conflict"), r101[3]);
                assertEquals(0L, target.info().count("subjects"), "the preview wrote nothing");
                screenshot(dialog.getShell(), "import-wizard-refusals.png");

                assertFalse(wizard.performFinish(), "refusals not accepted: nothing is imported");
                assertTrue(page.getErrorMessage().contains(refused + " value(s) refused"), page.getErrorMessage());
                assertTrue(page.getErrorMessage().contains("Import the rest"), "says how to go on: " + page.getErrorMessage());
                assertEquals(refused + warned.size(), page.problemTable().size(), "the refusals stay listed");
                assertEquals(0L, target.info().count("subjects"), "nothing was imported");
                screenshot(dialog.getShell(), "import-wizard-refusals-rejected.png");

                page.acceptRefusals(true);
                assertTrue(wizard.performFinish(), "accepted: the rest is imported; page says: " + page.getErrorMessage());
                assertEquals(refused, wizard.summary().report().refused().size());
                assertEquals(toImport, wizard.summary().report().valuesImported());
                String said = ImportWizard.describe(wizard.summary());
                assertTrue(said.contains(refused + " refused (recorded in the audit trail)"), said);
                assertTrue(target.info().count("subjects") > 0, "the other values were imported");
                List<AuditEntry> audit = target.read(c -> new AuditLog(c).entries(0, Integer.MAX_VALUE));
                assertEquals(refused, audit.stream().filter(a -> a.action().equals("import-refused")).count(),
                        "one audit row per accepted refusal");
            } finally {
                dialog.close();
            }
        }
    }

    @Test
    void thePreviewShowsTheMappingPerFormBeforeAnythingIsWritten() throws Exception {
        try (Study target = Study.create(tmp.resolve("target"), "target", StudySchemas.contributed())) {
            ImportWizard wizard = new ImportWizard(target, ImportWizard.visitsOf(target));
            WizardDialog dialog = open(wizard);
            try {
                dialog.getShell().setSize(1100, 900);
                ImportPage page = (ImportPage) wizard.getPages()[0];
                page.fill(reference("redcap_longitudinal.csv"), "wide");
                page.refreshPreview();
                List<String[]> forms = page.formTable();
                java.util.Map<String, String[]> byForm = new java.util.HashMap<>();
                forms.forEach(r -> byForm.put(r[0], r));
                assertTrue(byForm.keySet().containsAll(List.of("demographics", "visit_lab_data", "patient_morale_questionnaire")),
                        byForm.keySet().toString());
                assertEquals("own form, per visit", byForm.get("visit_lab_data")[1], "a form filled at several events");
                assertTrue(Long.parseLong(byForm.get("visit_lab_data")[2]) > 0, "its values are counted");
                assertEquals("0", byForm.get("visit_lab_data")[3]);
                assertTrue(byForm.get("demographics")[1].contains("baseline (one value per subject)"), byForm.get("demographics")[1]);
                assertTrue(byForm.get("demographics")[1].contains("not imported (file upload field patient_document"),
                        "the file field is named: " + byForm.get("demographics")[1]);
                assertEquals("1", byForm.get("demographics")[3], "the file field's value is the form's one refusal");
                assertEquals(0L, target.info().count("subjects"), "the preview wrote nothing");
                screenshot(dialog.getShell(), "import-wizard-forms.png");

                page.fill(reference("redcap_repeating-instruments.csv"), "wide");
                page.refreshPreview();
                String[] bp = page.formTable().stream().filter(r -> r[0].equals("bp")).findFirst().orElseThrow();
                assertEquals("own form, repeating (instances)", bp[1]);
                assertEquals("12", bp[2], "three values on each of the four repeat rows");
                screenshot(dialog.getShell(), "import-wizard-forms-repeating.png");
            } finally {
                dialog.close();
            }
        }
    }

    /** Chooses an entry of a form's route combo as a user does, and waits for the preview it triggers. */
    private static void choose(ImportPage page, String form, String choice) throws Exception {
        org.eclipse.swt.widgets.Combo combo = page.routeCombo(form);
        assertNotNull(combo, "a route combo for form " + form);
        int index = java.util.Arrays.asList(combo.getItems()).indexOf(choice);
        assertTrue(index >= 0, choice + " offered in " + java.util.Arrays.toString(combo.getItems()));
        combo.select(index);
        combo.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        Display display = combo.getDisplay();
        long until = System.currentTimeMillis() + 20_000;
        while (!combo.isDisposed() && System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                Thread.sleep(10);
            }
        }
        assertTrue(combo.isDisposed(), "choosing a route previews again (the rows are rebuilt)");
    }

    @Test
    void eachFormIsRoutedWithItsComboPreviewedImportedAndSavedAsAMappingFile() throws Exception {
        Path odm = Path.of(System.getProperty("painlab.reference"), "exchange", "odm", "openclinica_nsclc_extract.xml");
        try (Study target = Study.create(tmp.resolve("target"), "target", StudySchemas.contributed())) {
            ImportWizard wizard = new ImportWizard(target, ImportWizard.visitsOf(target));
            WizardDialog dialog = open(wizard);
            try {
                dialog.getShell().setSize(1200, 950);
                ImportPage page = (ImportPage) wizard.getPages()[0];
                page.fill(odm, "wide");
                page.refreshPreview();
                assertEquals(ImportPage.AS_READ, page.routeCombo("F_VERIFICATION_V20").getText(), "no routing chosen yet");
                assertTrue(page.routeChoices().containsAll(List.of("baseline", "form", "ignore", "instrument:odi")),
                        page.routeChoices().toString());
                String[] before = page.formTable().stream().filter(r -> r[0].equals("F_VERIFICATION_V20")).findFirst().orElseThrow();
                assertEquals("baseline (one value per subject)", before[1]);
                assertEquals("36", before[2]);

                choose(page, "F_VERIFICATION_V20", "ignore");
                choose(page, "F_CONCOMITANTM_V10", "form");
                java.util.Map<String, String[]> byForm = new java.util.HashMap<>();
                page.formTable().forEach(r -> byForm.put(r[0], r));
                assertEquals("ignored by the mapping", byForm.get("F_VERIFICATION_V20")[1]);
                assertEquals("0", byForm.get("F_VERIFICATION_V20")[2], "an ignored form imports nothing");
                // its medications stand in a repeating item group: instances
                assertEquals("own form, repeating (instances)", byForm.get("F_CONCOMITANTM_V10")[1]);
                assertEquals("17", byForm.get("F_CONCOMITANTM_V10")[2]);
                assertEquals("ignore", page.routeCombo("F_VERIFICATION_V20").getText(), "the combo shows the choice after the preview");
                assertEquals("form", page.routeCombo("F_CONCOMITANTM_V10").getText());
                screenshot(dialog.getShell(), "import-wizard-form-routes.png");

                Path saved = tmp.resolve("routes.json");
                assertTrue(page.saveMapping(saved), page.getMessage());
                org.painlab.trial.exchange.ColumnMapping back = org.painlab.trial.exchange.ColumnMapping.load(saved);
                assertEquals("ignore", back.forms().get("F_VERIFICATION_V20").toString());
                assertEquals("form", back.forms().get("F_CONCOMITANTM_V10").toString());
                assertEquals(2, back.forms().size());

                page.acceptRefusals(true);
                assertTrue(wizard.performFinish(), "import finished; page says: " + page.getErrorMessage());
                assertTrue(wizard.summary().report().notes().stream()
                        .anyMatch(n -> n.startsWith("form F_VERIFICATION_V20 ignored by the mapping (forms) (36 values")),
                        wizard.summary().report().notes().toString());
            } finally {
                dialog.close();
            }
            TrialStore store = new TrialStore(target);
            assertFalse(store.subjectRecord("CAM101").orElseThrow().baseline().containsKey("VERI_DATE"), "the ignored form's items");
            assertEquals(17L, store.observations().values().stream().flatMap(List::stream)
                    .filter(o -> o.form().equals("F_CONCOMITANTM_V10")).count(), "the concomitant medications as their own form");
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
