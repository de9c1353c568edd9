package org.painlab.trial.internal.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.painlab.trial.store.Numbers;

/**
 * Writes an Office Open XML workbook (.xlsx) of one or more sheets, streaming rows (memory does not grow with the
 * number of rows). Numbers become numeric cells, texts inline strings; the first row is frozen. Uses
 * only {@code java.util.zip}; Excel, LibreOffice and {@link XlsxReader} read it.
 */
public final class XlsxWriter implements TableWriter {
    private final ZipOutputStream zip;
    private final Writer w;
    private final List<String> columnNames = new ArrayList<>();
    private long row;
    private final int sheets;
    private int sheet;

    /**
     * Creates the workbook.
     *
     * @param file the file (replaced)
     * @param sheetName the worksheet's name
     * @throws IOException when it cannot be written
     */
    public XlsxWriter(Path file, String sheetName) throws IOException {
        this(file, List.of(sheetName));
    }

    /**
     * Creates a workbook with several sheets, written one after the other ({@link #nextSheet}).
     *
     * @param file the file (replaced)
     * @param sheetNames the worksheets' names, in order (distinct; at least one)
     * @throws IOException when it cannot be written
     */
    public XlsxWriter(Path file, List<String> sheetNames) throws IOException {
        if (sheetNames.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs a sheet");
        }
        this.sheets = sheetNames.size();
        StringBuilder overrides = new StringBuilder();
        StringBuilder sheetList = new StringBuilder();
        StringBuilder rels = new StringBuilder();
        for (int i = 1; i <= sheets; i++) {
            overrides.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            sheetList.append("<sheet name=\"").append(escape(sheetName(sheetNames.get(i - 1)))).append("\" sheetId=\"").append(i)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i + 1)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(i).append(".xml\"/>");
        }
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        part("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + overrides
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
                + "</Types>");
        part("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
                + "</Relationships>");
        part("docProps/app.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                + "<Application>PainLab Workbench</Application></Properties>");
        part("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets>" + sheetList + "</sheets></workbook>");
        part("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + rels
                + "</Relationships>");
        part("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                + "</styleSheet>");
        startSheet();
    }

    private void startSheet() throws IOException {
        sheet++;
        row = 0;
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + sheet + ".xml"));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "</sheetView></sheetViews><sheetData>");
    }

    private static String sheetName(String name) {
        String n = name.replaceAll("[\\\\/?*\\[\\]:]", "_");
        return n.length() > 31 ? n.substring(0, 31) : n.isEmpty() ? "Sheet1" : n;
    }

    private void part(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        w.write(content);
        w.flush();
        zip.closeEntry();
    }

    @Override
    public void row(List<?> values) throws IOException {
        row++;
        w.write("<row r=\"");
        w.write(Long.toString(row));
        w.write("\">");
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            String ref = columnName(i) + row;
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                w.write("<c r=\"" + ref + "\"" + (row == 1 ? " s=\"1\"" : "") + "><v>");
                w.write(n instanceof Double d ? Numbers.format(d) : n.toString());
                w.write("</v></c>");
            } else {
                w.write("<c r=\"" + ref + "\" t=\"inlineStr\"" + (row == 1 ? " s=\"1\"" : "") + "><is><t xml:space=\"preserve\">");
                w.write(escape(v.toString()));
                w.write("</t></is></c>");
            }
        }
        w.write("</row>");
    }

    private String columnName(int index) {
        while (columnNames.size() <= index) {
            int n = columnNames.size() + 1;
            StringBuilder sb = new StringBuilder();
            while (n > 0) {
                int rem = (n - 1) % 26;
                sb.insert(0, (char) ('A' + rem));
                n = (n - 1) / 26;
            }
            columnNames.add(sb.toString());
        }
        return columnNames.get(index);
    }

    /**
     * Escapes text for XML content and attributes, dropping characters XML 1.0 cannot hold.
     *
     * @param s the text
     * @return the escaped text
     */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String rep = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0xFFFE || ch == 0xFFFF ? "" : null;
            };
            if (rep != null) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(rep);
            } else if (sb != null) {
                sb.append(ch);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private void endSheet() throws IOException {
        w.write("</sheetData></worksheet>");
        w.flush();
        zip.closeEntry();
    }

    /**
     * Ends the current sheet and starts the next one of the names given at creation.
     *
     * @throws IOException when it cannot be written
     * @throws IllegalStateException when there is no further sheet
     */
    public void nextSheet() throws IOException {
        if (sheet >= sheets) {
            throw new IllegalStateException("the workbook has " + sheets + " sheets");
        }
        endSheet();
        startSheet();
    }

    @Override
    public void close() throws IOException {
        endSheet();
        while (sheet < sheets) {
            startSheet();
            endSheet();
        }
        zip.finish();
        zip.close();
    }
}
