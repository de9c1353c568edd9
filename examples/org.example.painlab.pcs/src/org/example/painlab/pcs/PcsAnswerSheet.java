package org.example.painlab.pcs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.trial.instrument.Item;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A PCS answer sheet as a lab types it from the paper forms: a CSV with the header
 * {@code subject_id,visit,pcs1,...,pcs13} (columns in any order), one form per line, an empty
 * cell for an unanswered item. Reading checks every cell and reports all problems at once, each
 * with file, line and column.
 */
public final class PcsAnswerSheet {
    /** One completed form. */
    public record Form(long line, String subjectId, String visitId, Map<String, Double> answers) {
    }

    private PcsAnswerSheet() {
    }

    /** Reads and checks {@code file}; nothing is written anywhere. */
    public static List<Form> read(Path file) throws ImportException, IOException {
        String name = file.getFileName().toString();
        PainCatastrophizingScale pcs = new PainCatastrophizingScale();
        List<ImportProblem> problems = new ArrayList<>();
        List<Form> forms = new ArrayList<>();
        Map<String, Integer> columns = null;
        Set<String> seen = new HashSet<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord rec : csv) {
                long line = rec.getStartingLineNumber();
                List<String> f = rec.getFields();
                if (f.size() == 1 && f.get(0).isBlank()) {
                    continue;
                }
                if (columns == null) {
                    columns = header(name, line, f, pcs, problems);
                    if (!problems.isEmpty()) {
                        throw new ImportException(problems);
                    }
                    continue;
                }
                String subject = cell(f, columns.get("subject_id"));
                String visit = cell(f, columns.get("visit"));
                if (subject.isEmpty()) {
                    problems.add(new ImportProblem(name, line, "subject_id", "is empty"));
                }
                if (visit.isEmpty()) {
                    problems.add(new ImportProblem(name, line, "visit", "is empty"));
                }
                if (!subject.isEmpty() && !visit.isEmpty() && !seen.add(subject + "\u0000" + visit)) {
                    problems.add(new ImportProblem(name, line, "subject_id",
                            "a second form for subject " + subject + " at visit " + visit));
                }
                Map<String, Double> answers = new LinkedHashMap<>();
                for (Item item : pcs.items()) {
                    String text = cell(f, columns.get(item.id()));
                    if (text.isEmpty()) {
                        continue;
                    }
                    try {
                        double v = Double.parseDouble(text);
                        String rule = item.problemWith(v);
                        if (rule != null) {
                            problems.add(new ImportProblem(name, line, item.id(), rule));
                        } else {
                            answers.put(item.id(), v);
                        }
                    } catch (NumberFormatException e) {
                        problems.add(new ImportProblem(name, line, item.id(), "not a number: '" + text + "' (valid 0-4)"));
                    }
                }
                forms.add(new Form(line, subject, visit, answers));
            }
        }
        if (columns == null) {
            problems.add(new ImportProblem(name, 1, "subject_id", "the file is empty; expected the header subject_id,visit,pcs1..pcs13"));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return forms;
    }

    private static Map<String, Integer> header(String file, long line, List<String> f, PainCatastrophizingScale pcs,
            List<ImportProblem> problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < f.size(); i++) {
            columns.putIfAbsent(f.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<String> required = new ArrayList<>(List.of("subject_id", "visit"));
        pcs.items().forEach(item -> required.add(item.id()));
        for (String column : required) {
            if (!columns.containsKey(column)) {
                problems.add(new ImportProblem(file, line, column, "column missing from the header (expected subject_id,visit,pcs1..pcs13)"));
            }
        }
        return columns;
    }

    private static String cell(List<String> fields, Integer index) {
        return index == null || index >= fields.size() ? "" : fields.get(index).strip();
    }
}
