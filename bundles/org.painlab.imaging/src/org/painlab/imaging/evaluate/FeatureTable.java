package org.painlab.imaging.evaluate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.imaging.classify.Case;

/**
 * Cases read from a feature table (CSV, one row per volume): columns {@code case}, {@code patient},
 * {@code label} (0, 1, or empty/-1 when unknown) and one numeric column per feature. For features
 * computed elsewhere (another lab, another tool) and for tests; such cases have no volume.
 *
 * @since 0.1
 */
public final class FeatureTable implements CaseSource {
    private final Path file;

    /** @param file the CSV file */
    public FeatureTable(Path file) {
        this.file = file;
    }

    @Override
    public List<Case> cases(Study study) throws StudyException {
        return read();
    }

    /**
     * @return the cases, in file order
     * @throws StudyException naming the file, line and column of the first problem
     */
    public List<Case> read() throws StudyException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StudyException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty()) {
            throw new StudyException(file + ": empty; expected a header case,patient,label,<features...>");
        }
        String[] header = split(lines.get(0).replace("\uFEFF", ""));
        if (header.length < 4 || !header[0].equals("case") || !header[1].equals("patient") || !header[2].equals("label")) {
            throw new StudyException(file + " line 1: the header must start with case,patient,label and name at least"
                    + " one feature column");
        }
        List<Case> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String where = file + " line " + (n + 1);
            String[] cells = split(line);
            if (cells.length != header.length) {
                throw new StudyException(where + ": " + cells.length + " cells for " + header.length + " columns");
            }
            if (cells[0].isEmpty() || !ids.add(cells[0])) {
                throw new StudyException(where + " column 'case': " + (cells[0].isEmpty() ? "empty" : "'" + cells[0]
                        + "' repeats"));
            }
            if (cells[1].isEmpty()) {
                throw new StudyException(where + " column 'patient': empty");
            }
            int label;
            switch (cells[2]) {
                case "0" -> label = 0;
                case "1" -> label = 1;
                case "", "-1", "NA" -> label = -1;
                default -> throw new StudyException(where + " column 'label': '" + cells[2] + "' is not 0, 1 or empty");
            }
            Map<String, Double> features = new LinkedHashMap<>();
            for (int c = 3; c < header.length; c++) {
                try {
                    double v = Double.parseDouble(cells[c]);
                    if (!Double.isFinite(v)) {
                        throw new NumberFormatException();
                    }
                    features.put(header[c], v);
                } catch (NumberFormatException e) {
                    throw new StudyException(where + " column '" + header[c] + "': '" + cells[c] + "' is not a number", e);
                }
            }
            out.add(new Case(cells[0], cells[1], label, features, () -> {
                throw new IllegalStateException(file + ": case from a feature table has no volume");
            }, () -> null));
        }
        return out;
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim();
        }
        return cells;
    }
}
