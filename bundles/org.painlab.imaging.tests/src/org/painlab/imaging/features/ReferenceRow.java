package org.painlab.imaging.features;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the IBSI reference CSV and its tolerance convention (the folder's README): a tolerance
 * of 0 means "equal after rounding to 3 significant figures", otherwise |value - reference| <= tolerance.
 */
record ReferenceRow(int line, String family, String symbol, String code, String aggregation, String aggregationCode, double value,
        double tolerance) {

    /** The CSV's rows; the one misspelt symbol of the source (ntg.complexity) is read as ngt.complexity. */
    static List<ReferenceRow> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> head = split(lines.get(0));
        List<ReferenceRow> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> c = split(lines.get(i));
            String symbol = c.get(head.indexOf("ibsi_symbol")).replace("ntg.", "ngt.");
            out.add(new ReferenceRow(i + 1, c.get(head.indexOf("family")), symbol, c.get(head.indexOf("ibsi_code")),
                    c.get(head.indexOf("aggregation")), c.get(head.indexOf("aggregation_code")),
                    Double.parseDouble(c.get(head.indexOf("value"))), Double.parseDouble(c.get(head.indexOf("tolerance")))));
        }
        return out;
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** Whether {@code computed} matches this row by the README's convention. */
    boolean matches(double computed) {
        if (tolerance > 0) {
            return Math.abs(computed - value) <= tolerance;
        }
        double rounded = Math.abs(computed) < 1e-12 ? 0 : new BigDecimal(computed).round(new MathContext(3)).doubleValue();
        return Math.abs(rounded - value) <= 1e-12 * Math.max(1, Math.abs(value));
    }

    String key() {
        return symbol + "|" + aggregationCode;
    }
}
