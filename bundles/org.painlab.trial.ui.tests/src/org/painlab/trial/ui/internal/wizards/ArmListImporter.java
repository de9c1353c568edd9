package org.painlab.trial.ui.internal.wizards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.importer.Importer;
import org.painlab.trial.store.TrialStore;

/**
 * An importer as another plugin would contribute it (fragment.xml of this test fragment): a
 * ".arms" file of "code,name" lines becomes the study's arms, all or nothing, recorded under the
 * {@code actor} option.
 */
public final class ArmListImporter implements Importer {
    /** The contribution's id (fragment.xml). */
    public static final String ID = "org.painlab.trial.ui.tests.armList";

    @Override
    public ImportSummary importFile(Study study, Path file, Map<String, String> options, IProgressMonitor monitor)
            throws ImportException, StudyException {
        String name = file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportException(List.of(new ImportProblem(name, 0, "", "cannot be read: " + e.getMessage())));
        }
        List<String[]> arms = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 2 || f[1].isBlank()) {
                problems.add(new ImportProblem(name, i + 1, "name", "expected 'code,name'"));
            } else if (!f[0].strip().matches("[A-Za-z][A-Za-z0-9]*")) {
                problems.add(new ImportProblem(name, i + 1, "code", "'" + f[0].strip() + "' is not a letter followed by letters or digits"));
            } else if (!codes.add(f[0].strip())) {
                problems.add(new ImportProblem(name, i + 1, "code", "'" + f[0].strip() + "' repeats an earlier line"));
            } else {
                arms.add(new String[] { f[0].strip(), f[1].strip() });
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        String actor = options.getOrDefault("actor", System.getProperty("user.name", "unknown"));
        new TrialStore(study).edit(actor, e -> {
            for (String[] arm : arms) {
                e.addArm(arm[0], arm[1], "imported from " + name);
            }
            return null;
        });
        return new ImportSummary(ID, Map.of("arms", (long) arms.size()));
    }
}
