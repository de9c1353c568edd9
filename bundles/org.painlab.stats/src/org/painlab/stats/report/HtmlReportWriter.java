package org.painlab.stats.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.painlab.core.io.AtomicFiles;
import org.painlab.stats.internal.report.Xml;
import org.painlab.stats.table.Cell;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.ReportReferences;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.RowKind;
import org.painlab.stats.table.Table;

/**
 * A self-contained HTML page in journal style (three-line tables, markers as superscripts,
 * footnotes under each table, the reason of each test choice on hover and listed below), with a
 * banner when the data are simulated. The page is well-formed XML (XHTML syntax), so that other
 * tools can parse it.
 *
 * @since 0.1
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final String CSS = """
            body{font-family:"Times New Roman",Times,serif;margin:2em auto;max-width:72em;color:#111}
            .banner{background:#b00020;color:#fff;font-weight:bold;padding:.6em 1em;margin-bottom:1em;font-family:sans-serif}
            .meta{font-size:.9em;color:#333}
            table{border-collapse:collapse;margin:1.2em 0 .4em 0;width:100%;font-size:.92em}
            caption{text-align:left;font-weight:bold;padding-bottom:.4em}
            thead tr:first-child th{border-top:2px solid #000}
            thead tr:last-child th{border-bottom:1px solid #000}
            tbody tr:last-child td{border-bottom:2px solid #000}
            th,td{padding:.25em .6em;text-align:left;vertical-align:top}
            tr.group td{font-weight:bold;padding-top:.5em}
            td.indent1{padding-left:1.8em}
            td[title]{cursor:help}
            sup{font-size:.75em}
            .footnotes{font-size:.82em;margin:.2em 0 0 0;padding-left:1.2em}
            details{font-size:.82em;margin:.3em 0 1.8em 0}
            h2{font-size:1.1em}
            p.reference{font-size:.9em;margin:.2em 0 .2em 2em;text-indent:-2em}
            """;

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public void write(PaperReport report, Path out) throws IOException {
        String html = render(report);
        AtomicFiles.write(out, o -> o.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param report the tables
     * @return the page
     */
    public String render(PaperReport report) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(Xml.escape(report.title())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        if (report.simulated()) {
            sb.append("<div class=\"banner\">SIMULATED DATA: not patients. ").append(Xml.escape(report.dataDescription()))
                    .append("</div>\n");
        }
        sb.append("<h1>").append(Xml.escape(report.title())).append("</h1>\n");
        sb.append("<p class=\"meta\">Analysis population: ").append(Xml.escape(report.population()));
        for (int a = 0; a < report.arms().size(); a++) {
            sb.append("; group ").append(Xml.escape(report.arms().get(a))).append(" n = ").append(report.armSizes().get(a));
        }
        sb.append(". α = ").append(report.plan().get("alpha")).append(", ").append(report.plan().get("alternative"))
                .append(" tests.");
        if (!report.simulated() && !report.dataDescription().isBlank()) {
            sb.append(" Data: ").append(Xml.escape(report.dataDescription())).append('.');
        }
        sb.append("</p>\n");
        ReportReferences refs = report.references();
        if (refs.methodsSentence() != null) {
            sb.append("<p class=\"meta\">").append(Xml.escape(refs.methodsSentence())).append("</p>\n");
        }
        for (Table t : report.tables()) {
            table(sb, t);
        }
        if (refs.any()) {
            sb.append("<section id=\"references\">\n<h2>References</h2>\n");
            for (int i = 0; i < refs.entries().size(); i++) {
                sb.append("<p class=\"reference\" id=\"ref-").append(Xml.escape(refs.keys().get(i))).append("\">")
                        .append(Xml.escape(refs.entries().get(i))).append("</p>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, Table t) {
        sb.append("<section id=\"table-").append(Xml.escape(t.id())).append("\">\n<table>\n<caption>")
                .append(Xml.escape(t.title())).append("</caption>\n<thead>\n");
        for (Row r : t.header()) {
            row(sb, r, "th");
        }
        sb.append("</thead>\n<tbody>\n");
        for (Row r : t.body()) {
            row(sb, r, "td");
        }
        sb.append("</tbody>\n</table>\n<ol class=\"footnotes\">\n");
        for (String f : t.footnotes()) {
            sb.append("<li>").append(Xml.escape(f)).append("</li>\n");
        }
        sb.append("</ol>\n<details><summary>Why each test (automatic choice)</summary>\n<ul>\n");
        for (String n : t.choiceNotes()) {
            sb.append("<li>").append(Xml.escape(n)).append("</li>\n");
        }
        sb.append("</ul>\n</details>\n</section>\n");
    }

    private static void row(StringBuilder sb, Row r, String tag) {
        sb.append(r.kind() == RowKind.GROUP ? "<tr class=\"group\">" : "<tr>");
        boolean first = true;
        for (Cell c : r.cells()) {
            sb.append('<').append(tag);
            if (first && r.indent() > 0) {
                sb.append(" class=\"indent").append(Math.min(r.indent(), 1)).append('"');
            }
            if (c.colSpan() > 1) {
                sb.append(" colspan=\"").append(c.colSpan()).append('"');
            }
            if (c.note() != null) {
                sb.append(" title=\"").append(Xml.escape(c.note())).append('"');
            }
            sb.append('>').append(Xml.escape(c.text()));
            for (String m : c.markers()) {
                sb.append("<sup>").append(Xml.escape(m)).append("</sup>");
            }
            sb.append("</").append(tag).append('>');
            first = false;
        }
        sb.append("</tr>\n");
    }
}
