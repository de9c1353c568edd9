package org.painlab.stats.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.painlab.core.io.AtomicFiles;
import org.painlab.core.io.SpreadsheetText;
import org.painlab.stats.table.Cell;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.ReportReferences;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.Table;

/**
 * The tables as one CSV file (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs
 * read "±", "χ²" and Chinese labels correctly). Each line starts with the table id and the line's
 * role (title, header, group, body, footnote, note), then the cells; markers follow the cell
 * text; a cell spanning k columns is followed by k − 1 empty cells so columns stay aligned.
 *
 * @since 0.1
 */
public final class CsvReportWriter implements ReportWriter {

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public void write(PaperReport report, Path out) throws IOException {
        String csv = render(report);
        AtomicFiles.write(out, o -> {
            o.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            o.write(csv.getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * @param report the tables
     * @return the CSV text (without byte-order mark)
     */
    public String render(PaperReport report) {
        StringBuilder sb = new StringBuilder();
        line(sb, List.of("report", "title", report.title()));
        if (report.simulated()) {
            line(sb, List.of("report", "banner", "SIMULATED DATA: " + report.dataDescription()));
        }
        ReportReferences refs = report.references();
        if (refs.methodsSentence() != null) {
            line(sb, List.of("report", "methods", refs.methodsSentence()));
        }
        for (Table t : report.tables()) {
            line(sb, List.of(t.id(), "title", t.title()));
            for (Row r : t.header()) {
                line(sb, cells(t.id(), "header", r));
            }
            for (Row r : t.body()) {
                line(sb, cells(t.id(), r.kind().name().toLowerCase(java.util.Locale.ROOT), r));
            }
            for (String f : t.footnotes()) {
                line(sb, List.of(t.id(), "footnote", f));
            }
            for (String n : t.choiceNotes()) {
                line(sb, List.of(t.id(), "note", n));
            }
        }
        for (int i = 0; i < refs.entries().size(); i++) {
            line(sb, List.of("references", refs.keys().get(i), refs.entries().get(i)));
        }
        return sb.toString();
    }

    private static List<String> cells(String id, String role, Row r) {
        List<String> out = new ArrayList<>();
        out.add(id);
        out.add(role);
        boolean first = true;
        for (Cell c : r.cells()) {
            out.add((first && r.indent() > 0 ? "  " : "") + c.plainText());
            for (int k = 1; k < c.colSpan(); k++) {
                out.add("");
            }
            first = false;
        }
        return out;
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        sb.append("\r\n");
    }

    /**
     * @param s a field
     * @return the field, quoted when it holds a comma, quote, line break or leading/trailing space, and
     *     with a {@code '} in front when a spreadsheet would run it as a formula (labels are user text)
     */
    static String quote(String text) {
        if (text.isEmpty()) {
            return text;
        }
        String s = SpreadsheetText.neutralize(text);
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ';
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
