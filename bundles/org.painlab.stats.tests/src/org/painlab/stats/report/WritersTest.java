package org.painlab.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.io.AtomicFiles;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.ComparisonResult;
import org.painlab.stats.plan.SimulatedTrial;
import org.painlab.stats.plan.TestCatalog;
import org.painlab.stats.table.PaperReport;
import org.painlab.stats.table.PaperTables;
import org.painlab.stats.table.Table;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every writer produces output that parses and holds the table's cells. */
class WritersTest {

    private static SubjectData data;
    private static PaperReport report;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        data = SimulatedTrial.generate(60, 7);
        report = new PaperTables(TestCatalog.installed()).build(data, AnalysisPlan.defaultFor(data));
    }

    @Test
    void htmlIsWellFormedAndHasEveryTableAndTheBanner() throws Exception {
        Path out = dir.resolve("r.html");
        new HtmlReportWriter().write(report, out);
        Document doc = parse(Files.readAllBytes(out));
        assertEquals(report.tables().size(), doc.getElementsByTagName("table").getLength());
        List<String> captions = texts(doc.getElementsByTagName("caption"));
        assertEquals(report.tables().stream().map(Table::title).toList(), captions);
        List<String> cells = texts(doc.getElementsByTagName("td"));
        assertTrue(cells.contains("Age (years), mean ± SD") || cells.contains("Age (years), median (Q1–Q3)"), cells
                .toString());
        assertTrue(texts(doc.getElementsByTagName("th")).contains("Group S (n = 30)"));
        assertTrue(new String(Files.readAllBytes(out), StandardCharsets.UTF_8).contains("SIMULATED DATA"));
        assertTrue(doc.getElementsByTagName("sup").getLength() > 0, "markers are superscripts");
    }

    @Test
    void docxIsAWordPackageWithRealTables() throws Exception {
        Path out = dir.resolve("r.docx");
        new DocxReportWriter().write(report, out);
        try (ZipFile zip = new ZipFile(out.toFile())) {
            assertTrue(zip.getEntry("[Content_Types].xml") != null);
            assertTrue(zip.getEntry("_rels/.rels") != null);
            parse(zip.getInputStream(zip.getEntry("[Content_Types].xml")).readAllBytes());
            parse(zip.getInputStream(zip.getEntry("_rels/.rels")).readAllBytes());
            Document doc = parse(zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes());
            assertEquals(report.tables().size(), doc.getElementsByTagName("w:tbl").getLength());
            List<String> runs = texts(doc.getElementsByTagName("w:t"));
            assertTrue(runs.contains("Group S (n = 30)"));
            assertTrue(runs.contains(report.table("baseline").title()));
            assertTrue(doc.getElementsByTagName("w:vertAlign").getLength() > 0, "markers are superscript runs");
            int firstTableCells = ((org.w3c.dom.Element) doc.getElementsByTagName("w:tbl").item(0))
                    .getElementsByTagName("w:tc").getLength();
            Table t1 = report.tables().get(0);
            int expected = 0;
            for (var row : t1.header()) {
                expected += row.cells().size();
            }
            for (var row : t1.body()) {
                expected += row.cells().size();
            }
            assertEquals(expected, firstTableCells);
        }
    }

    @Test
    void latexUsesBooktabs() throws IOException {
        Path out = dir.resolve("r.tex");
        new LatexReportWriter().write(report, out);
        String tex = Files.readString(out);
        assertTrue(tex.contains("\\usepackage{booktabs}"));
        assertEquals(report.tables().size(), count(tex, "\\toprule"));
        assertEquals(report.tables().size(), count(tex, "\\bottomrule"));
        assertTrue(tex.contains("Effect (95\\% CI)"));
        assertTrue(tex.contains("$\\pm$") || tex.contains("median"));
        assertTrue(tex.contains("\\textsuperscript{"));
        assertTrue(tex.startsWith("%") && tex.trim().endsWith("\\end{document}"));
        for (String line : tex.split("\n")) {
            if (!line.startsWith("%")) {
                assertTrue(!line.matches(".*[^\\\\]%.*"), "unescaped % in: " + line);
            }
        }
    }

    @Test
    void csvHasABomAndOneLinePerRow() throws IOException {
        Path out = dir.resolve("r.csv");
        new CsvReportWriter().write(report, out);
        byte[] bytes = Files.readAllBytes(out);
        assertEquals((byte) 0xEF, bytes[0]);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<String> lines = List.of(csv.split("\r\n"));
        Table t1 = report.table("baseline");
        long bodyLines = lines.stream().filter(l -> l.startsWith("baseline,body,") || l.startsWith("baseline,group,"))
                .count();
        assertEquals(t1.body().size(), bodyLines);
        assertTrue(lines.contains("baseline,header,Characteristic,Group S (n = 30),Group P (n = 30),Statistic,P,"
                + "Effect (95% CI),SMD,Test"), lines.get(3));
    }

    @Test
    void jsonKeepsEveryPValueUnrounded() throws IOException {
        Path out = dir.resolve("r.json");
        new JsonReportWriter().write(report, out);
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(out));
        assertEquals(report.tables().size(), root.get("tables").size());
        assertTrue(root.get("simulated").asBoolean());
        List<ComparisonResult> results = report.results();
        assertEquals(results.size(), root.get("results").size());
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = root.get("results").get(i);
            assertEquals(results.get(i).id(), r.get("id").asString());
            if (results.get(i).hasP()) {
                assertEquals(results.get(i).pValue(), r.get("p_value").asDouble(), 0.0);
                assertTrue(r.get("choice").get("reason").asString().length() > 10);
            }
        }
        JsonNode firstCell = root.get("tables").get(0).get("body").get(0).get("cells");
        assertTrue(firstCell.size() > 3);
    }

    @Test
    void oneSidedIntervalsStayValidJson() throws IOException {
        AnalysisPlan less = AnalysisPlan.defaultFor(data).toBuilder()
                .alternative(org.painlab.stats.Alternative.LESS).build();
        PaperReport oneSided = new PaperTables(TestCatalog.installed()).build(data, less);
        String json = new JsonReportWriter().render(oneSided);
        assertTrue(json.contains("\"Infinity\"") || json.contains("\"-Infinity\""), "open interval bounds are strings");
        JsonNode root = JsonMapper.builder().build().readTree(json);
        assertEquals("less", root.get("plan").get("alternative").asString());
        assertTrue(oneSided.tables().get(0).footnotes().stream().anyMatch(f -> f.contains("P values are one-sided (less")));
    }

    @Test
    void reportRunnerPicksTheWriterByExtension() throws IOException {
        for (String ext : List.of("html", "docx", "csv", "json", "tex", "R")) {
            Path out = dir.resolve("report." + ext);
            ReportRunner.run(data, AnalysisPlan.defaultFor(data), out, TestCatalog.installed());
            assertTrue(Files.size(out) > 500, ext);
        }
        assertTrue(Files.exists(dir.resolve("report-data.csv")), "the R script's data are written beside it");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportRunner.run(data, AnalysisPlan.defaultFor(data), dir.resolve("report.pdf")));
        assertTrue(e.getMessage().contains("unknown report format 'pdf'"), e.getMessage());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path out = dir.resolve("keep.html");
        Files.writeString(out, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(out, o -> {
            o.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList());
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> texts(NodeList nodes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            // text of the element without its <sup> markers
            org.w3c.dom.Node n = nodes.item(i);
            StringBuilder sb = new StringBuilder();
            for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                    sb.append(c.getNodeValue());
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
