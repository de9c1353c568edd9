package org.painlab.stats.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.painlab.core.io.AtomicFiles;
import org.painlab.stats.internal.report.Xml;
import org.painlab.stats.table.Cell;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.ReportReferences;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.RowKind;
import org.painlab.stats.table.Table;

/**
 * The tables as a Word document: a minimal WordprocessingML package ([Content_Types].xml,
 * _rels/.rels, word/document.xml) written with java.util.zip, with real Word tables in the
 * three-line style of journals (rules above and below the heading and at the bottom), markers as
 * superscript runs, footnotes as small paragraphs, landscape pages. No library is needed to
 * write it, and Word and LibreOffice open it.
 *
 * @since 0.1
 */
public final class DocxReportWriter implements ReportWriter {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** Usable width of a landscape A4 page with 2 cm margins, in twentieths of a point. */
    private static final int TEXT_WIDTH = 13_570;

    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public void write(PaperReport report, Path out) throws IOException {
        String document = document(report);
        AtomicFiles.write(out, o -> {
            ZipOutputStream zip = new ZipOutputStream(o, StandardCharsets.UTF_8);
            entry(zip, "[Content_Types].xml", CONTENT_TYPES);
            entry(zip, "_rels/.rels", RELS);
            entry(zip, "word/document.xml", document);
            zip.finish();
        });
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>
            """;

    private static final String RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            </Relationships>
            """;

    /**
     * @param report the tables
     * @return the text of word/document.xml
     */
    public String document(PaperReport report) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"").append(W)
                .append("\"><w:body>");
        if (report.simulated()) {
            paragraph(sb, "SIMULATED DATA: not patients. " + report.dataDescription(), true, 20, "B00020");
        }
        paragraph(sb, report.title(), true, 28, null);
        ReportReferences refs = report.references();
        if (refs.methodsSentence() != null) {
            paragraph(sb, refs.methodsSentence(), false, 20, null);
        }
        for (Table t : report.tables()) {
            table(sb, t);
        }
        if (refs.any()) {
            paragraph(sb, "References", true, 24, null);
            for (String e : refs.entries()) {
                paragraph(sb, e, false, 20, null);
            }
        }
        sb.append("<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>")
                .append("<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\"")
                .append(" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
        return sb.toString();
    }

    private static void table(StringBuilder sb, Table t) {
        paragraph(sb, t.title(), true, 20, null);
        int cols = t.columns();
        int first = TEXT_WIDTH * 3 / (cols + 2);
        int other = (TEXT_WIDTH - first) / Math.max(1, cols - 1);
        sb.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(TEXT_WIDTH).append("\" w:type=\"dxa\"/>")
                .append("<w:tblBorders><w:top w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/>")
                .append("<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>")
                .append("<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
        for (int c = 0; c < cols; c++) {
            sb.append("<w:gridCol w:w=\"").append(c == 0 ? first : other).append("\"/>");
        }
        sb.append("</w:tblGrid>");
        for (int i = 0; i < t.header().size(); i++) {
            row(sb, t.header().get(i), true, i == t.header().size() - 1);
        }
        for (Row r : t.body()) {
            row(sb, r, false, false);
        }
        sb.append("</w:tbl>");
        for (String f : t.footnotes()) {
            paragraph(sb, f, false, 16, null);
        }
        for (String n : t.choiceNotes()) {
            paragraph(sb, n, false, 14, "555555");
        }
        paragraph(sb, "", false, 16, null);
    }

    private static void row(StringBuilder sb, Row r, boolean header, boolean lastHeader) {
        // heading rows repeat on every page a long table runs over
        sb.append(header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
        boolean first = true;
        for (Cell c : r.cells()) {
            sb.append("<w:tc><w:tcPr>");
            if (c.colSpan() > 1) {
                sb.append("<w:gridSpan w:val=\"").append(c.colSpan()).append("\"/>");
            }
            if (lastHeader) {
                sb.append("<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>")
                        .append("</w:tcBorders>");
            }
            sb.append("</w:tcPr><w:p><w:pPr><w:spacing w:before=\"20\" w:after=\"20\"/>");
            if (first && r.indent() > 0) {
                sb.append("<w:ind w:left=\"284\"/>");
            }
            sb.append("</w:pPr>");
            run(sb, c.text(), header || r.kind() == RowKind.GROUP && first, false, 18, null);
            for (String m : c.markers()) {
                run(sb, m, false, true, 18, null);
            }
            sb.append("</w:p></w:tc>");
            first = false;
        }
        sb.append("</w:tr>");
    }

    private static void paragraph(StringBuilder sb, String text, boolean bold, int halfPoints, String color) {
        sb.append("<w:p><w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/></w:pPr>");
        if (!text.isEmpty()) {
            run(sb, text, bold, false, halfPoints, color);
        }
        sb.append("</w:p>");
    }

    private static void run(StringBuilder sb, String text, boolean bold, boolean superscript, int halfPoints,
            String color) {
        sb.append("<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"")
                .append(" w:eastAsia=\"SimSun\"/>");
        if (bold) {
            sb.append("<w:b/>");
        }
        if (color != null) {
            sb.append("<w:color w:val=\"").append(color).append("\"/>");
        }
        sb.append("<w:sz w:val=\"").append(halfPoints).append("\"/>");
        if (superscript) {
            sb.append("<w:vertAlign w:val=\"superscript\"/>");
        }
        sb.append("</w:rPr><w:t xml:space=\"preserve\">").append(Xml.escape(text)).append("</w:t></w:r>");
    }
}
