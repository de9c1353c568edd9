package org.painlab.stats.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.painlab.core.io.AtomicFiles;
import org.painlab.stats.table.Cell;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.ReportReferences;
import org.painlab.stats.table.Row;
import org.painlab.stats.table.RowKind;
import org.painlab.stats.table.Table;

/**
 * The tables as a LaTeX document with booktabs rules (\toprule, \midrule, \bottomrule), markers
 * as superscripts and footnotes under each table. Compiles with pdflatex; each table
 * environment can be pasted into a manuscript that loads booktabs.
 *
 * @since 0.1
 */
public final class LatexReportWriter implements ReportWriter {

    /** Characters LaTeX's text mode cannot take raw, with their spelling. */
    private static final Map<Character, String> SYMBOLS = Map.ofEntries(
            Map.entry('±', "$\\pm$"), Map.entry('–', "--"), Map.entry('—', "---"), Map.entry('χ', "$\\chi$"),
            Map.entry('²', "$^{2}$"), Map.entry('≥', "$\\geq$"), Map.entry('≤', "$\\leq$"), Map.entry('×', "$\\times$"),
            Map.entry('÷', "$\\div$"), Map.entry('′', "$'$"), Map.entry('α', "$\\alpha$"), Map.entry('η', "$\\eta$"),
            Map.entry('ε', "$\\varepsilon$"), Map.entry('→', "$\\rightarrow$"), Map.entry('†', "$\\dagger$"),
            Map.entry('−', "$-$"), Map.entry('é', "\\'e"), Map.entry('·', "$\\cdot$"), Map.entry('≠', "$\\neq$"),
            Map.entry('\\', "\\textbackslash{}"), Map.entry('&', "\\&"), Map.entry('%', "\\%"), Map.entry('$', "\\$"),
            Map.entry('#', "\\#"), Map.entry('_', "\\_"), Map.entry('{', "\\{"), Map.entry('}', "\\}"),
            Map.entry('~', "\\textasciitilde{}"), Map.entry('^', "\\textasciicircum{}"), Map.entry('<', "$<$"),
            Map.entry('>', "$>$"));

    @Override
    public String extension() {
        return "tex";
    }

    @Override
    public void write(PaperReport report, Path out) throws IOException {
        String tex = render(report);
        AtomicFiles.write(out, o -> o.write(tex.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * @param report the tables
     * @return the document
     */
    public String render(PaperReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("% ").append(report.title().replace('\n', ' ')).append("\n% Written by PainLab Workbench.\n")
                .append("\\documentclass[10pt]{article}\n\\usepackage[utf8]{inputenc}\n\\usepackage[T1]{fontenc}\n")
                .append("\\usepackage{booktabs}\n\\usepackage[landscape,margin=1.5cm]{geometry}\n")
                .append("\\begin{document}\n");
        if (report.simulated()) {
            sb.append("\\noindent\\fbox{\\parbox{\\dimexpr\\linewidth-2\\fboxsep\\relax}{\\textbf{SIMULATED DATA: not")
                    .append(" patients.} ").append(escape(report.dataDescription())).append("}}\n\n");
        }
        sb.append("\\section*{").append(escape(report.title())).append("}\n");
        ReportReferences refs = report.references();
        if (refs.methodsSentence() != null) {
            sb.append("\\noindent ").append(escape(refs.methodsSentence())).append("\n\n");
        }
        for (Table t : report.tables()) {
            table(sb, t);
        }
        if (refs.any()) {
            sb.append("\n\\section*{References}\n");
            for (String e : refs.entries()) {
                sb.append("\\noindent ").append(escape(e)).append("\n\n");
            }
        }
        sb.append("\\end{document}\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, Table t) {
        int cols = t.columns();
        sb.append("\n\\begin{table}[htbp]\n\\centering\n\\caption{").append(escape(t.title())).append("}\n\\label{tab:")
                .append(t.id()).append("}\n\\small\n\\begin{tabular}{l").append("l".repeat(Math.max(0, cols - 1)))
                .append("}\n\\toprule\n");
        for (Row r : t.header()) {
            row(sb, r);
        }
        sb.append("\\midrule\n");
        for (Row r : t.body()) {
            row(sb, r);
        }
        sb.append("\\bottomrule\n\\end{tabular}\n\n\\smallskip\n\\begin{minipage}{0.95\\linewidth}\\footnotesize\n");
        for (String f : t.footnotes()) {
            sb.append(escape(f)).append("\\\\\n");
        }
        sb.append("\\end{minipage}\n\\end{table}\n");
    }

    private static void row(StringBuilder sb, Row r) {
        boolean first = true;
        for (Cell c : r.cells()) {
            if (!first) {
                sb.append(" & ");
            }
            String text = escape(c.text()) + markers(c);
            if (r.kind() == RowKind.GROUP && first) {
                text = "\\textbf{" + text + "}";
            }
            if (first && r.indent() > 0) {
                text = "\\quad " + text;
            }
            sb.append(c.colSpan() > 1 ? "\\multicolumn{" + c.colSpan() + "}{l}{" + text + "}" : text);
            first = false;
        }
        sb.append(" \\\\\n");
    }

    private static String markers(Cell c) {
        if (c.markers().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\\textsuperscript{");
        for (String m : c.markers()) {
            sb.append(escape(m));
        }
        return sb.append('}').toString();
    }

    /**
     * @param s text
     * @return the text with LaTeX's special characters escaped and symbols spelt in math mode
     */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String rep = SYMBOLS.get(ch);
            sb.append(rep != null ? rep : String.valueOf(ch));
        }
        return sb.toString();
    }
}
