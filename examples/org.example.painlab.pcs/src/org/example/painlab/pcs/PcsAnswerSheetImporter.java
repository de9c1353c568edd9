package org.example.painlab.pcs;

import java.io.IOException;
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
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VisitDefinition;

/**
 * Imports a {@link PcsAnswerSheet} into a study's trial data: one PCS answer set per subject and
 * visit, written through the trial store (validated, audited) in one transaction. Subjects and
 * visits must already exist; a file with any problem changes nothing.
 */
public final class PcsAnswerSheetImporter implements Importer {
    /** The importer's id in plugin.xml. */
    public static final String ID = "org.example.painlab.pcs.import.sheet";

    @Override
    public ImportSummary importFile(Study study, Path file, Map<String, String> options, IProgressMonitor monitor)
            throws ImportException, StudyException {
        List<PcsAnswerSheet.Form> forms;
        try {
            forms = PcsAnswerSheet.read(file);
        } catch (IOException e) {
            throw new StudyException("cannot read " + file + ": " + e.getMessage(), e);
        }
        TrialStore store = new TrialStore(study);
        checkIdsExist(file, forms, store);
        String reason = "imported from PCS answer sheet " + file.getFileName();
        String actor = options.getOrDefault("actor", System.getProperty("user.name", "import"));
        store.edit(actor, editor -> {
            for (PcsAnswerSheet.Form form : forms) {
                if (monitor != null && monitor.isCanceled()) {
                    throw new StudyException("PCS import of " + file.getFileName() + " cancelled; nothing was imported");
                }
                editor.saveAnswers(form.subjectId(), form.visitId(), PainCatastrophizingScale.ID, form.answers(), reason);
            }
            return null;
        });
        return new ImportSummary(ID, Map.of("answer_sets", (long) forms.size()));
    }

    private static void checkIdsExist(Path file, List<PcsAnswerSheet.Form> forms, TrialStore store)
            throws StudyException, ImportException {
        Set<String> subjects = new HashSet<>();
        for (Subject s : store.subjects()) {
            subjects.add(s.id());
        }
        Set<String> visits = new HashSet<>();
        for (VisitDefinition v : store.visitDefinitions()) {
            visits.add(v.id());
        }
        String name = file.getFileName().toString();
        List<ImportProblem> problems = new ArrayList<>();
        for (PcsAnswerSheet.Form form : forms) {
            if (!subjects.contains(form.subjectId())) {
                problems.add(new ImportProblem(name, form.line(), "subject_id", "unknown subject '" + form.subjectId()
                        + "' (enroll it first)"));
            }
            if (!visits.contains(form.visitId())) {
                problems.add(new ImportProblem(name, form.line(), "visit", "unknown visit '" + form.visitId()
                        + "' (study visits: " + String.join(", ", visits) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
    }
}
