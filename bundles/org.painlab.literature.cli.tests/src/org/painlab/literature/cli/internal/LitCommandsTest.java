package org.painlab.literature.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/** {@code painlab lit import|parse-text} as a user runs them, through the contributed command tree. */
class LitCommandsTest {
    private static final String RIS = """
            TY  - JOUR
            AU  - Wang, Li
            TI  - Exosomes in chronic pain: mechanisms of neuroinflammation
            JO  - Pain
            PY  - 2023
            DO  - 10.1097/j.pain.0000000000002750
            ER  -\s

            TY  - JOUR
            AU  - 张三
            TI  - 外泌体在神经病理性疼痛中的作用研究进展
            TT  - Research progress of exosomes in neuropathic pain
            PY  - 2023
            ER  -\s
            """;

    private static final String MEDLINE = """
            PMID- 35947875
            DP  - 2023 Mar 1
            TI  - Exosomes in chronic pain: mechanisms of neuroinflammation.
            LID - 10.1097/j.pain.0000000000002750 [doi]
            FAU - Wang, Li

            PMID- 36000001
            DP  - 2024
            TI  - Exercise for central post-stroke pain: a randomised trial.
            FAU - Chen, Jing
            """;

    @TempDir
    Path tmp;

    private Path study() {
        Path dir = tmp.resolve("study");
        Painlab.Result r = Painlab.run("study", "create", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        return dir;
    }

    private static Object num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void importCountsReferencesDuplicatesAndPrisma() throws Exception {
        Path dir = study();
        Path ris = tmp.resolve("cnki.ris");
        Files.writeString(ris, RIS);
        Painlab.Result r = Painlab.run("lit", "import", dir.toString(), ris.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals("ris", m.get("format"));
        assertEquals(2L, num(m, "records_read"));
        assertEquals(Map.of("references", 2), m.get("added"));
        assertEquals(List.of("wang2023", "ref2023"), m.get("keys"));

        Path nbib = tmp.resolve("pubmed.nbib");
        Files.writeString(nbib, MEDLINE);
        Map<String, Object> second = Painlab.run("lit", "import", dir.toString(), nbib.toString(), "--json").json();
        assertEquals("medline", second.get("format"));
        List<Map<String, Object>> dups = (List<Map<String, Object>>) second.get("duplicates");
        assertEquals(1, dups.size());
        assertEquals("doi", dups.get(0).get("matched_on"));
        assertEquals("wang2023", dups.get(0).get("existing"));
        assertEquals("keep-existing", dups.get(0).get("action"));
        assertEquals(Map.of("identified", 4, "duplicates_removed", 1, "screened", 3), second.get("prisma"));

        Map<String, Object> info = Painlab.run("study", "info", dir.toString(), "--json").json();
        assertEquals(3L, num(info, "references"), "study info counts the literature store's references");
    }

    @Test
    void aFileWithABadRecordImportsNothingUnlessTheGoodOnesAreAccepted() throws Exception {
        Path dir = study();
        long auditBefore = (Long) num(Painlab.run("study", "info", dir.toString(), "--json").json(), "audit_rows");
        Path bad = tmp.resolve("bad.nbib");
        Files.writeString(bad, MEDLINE.replace("PMID- 36000001", "PMID- 3600000l"));
        Painlab.Result r = Painlab.run("lit", "import", dir.toString(), bad.toString(), "--json");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("record 2") && r.err().contains("line 7")
                && r.err().contains("field PMID") && r.err().contains("nothing was imported"), r.err());
        assertEquals(false, r.json().get("imported"));
        Map<String, Object> info = Painlab.run("study", "info", dir.toString(), "--json").json();
        assertEquals(0L, num(info, "references"));
        assertEquals(auditBefore, num(info, "audit_rows"), "the study is exactly as it was");

        Painlab.Result good = Painlab.run("lit", "import", dir.toString(), bad.toString(), "--accept-good", "--json");
        assertEquals(0, good.exitCode(), good.err());
        assertEquals(Map.of("references", 1), good.json().get("added"));
        assertEquals(1, ((List<?>) good.json().get("refused")).size());
    }

    @Test
    void badUsageAndUnknownFiles() throws Exception {
        Path dir = study();
        Path ris = tmp.resolve("a.ris");
        Files.writeString(ris, RIS);
        assertEquals(2, Painlab.run("lit", "import", dir.toString(), ris.toString(), "--duplicates", "merge").exitCode());
        Painlab.Result missing = Painlab.run("lit", "import", dir.toString(), tmp.resolve("none.ris").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("none.ris"), missing.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void parseTextPrintsTheContractFields() throws Exception {
        Path page = tmp.resolve("page.txt");
        Files.writeString(page, """
                中文题名：外泌体在神经病理性疼痛中的作用研究进展
                英文题名：Research progress of exosomes in neuropathic pain
                作者：张三1，李四2
                单位：1. 北京大学第三医院疼痛科，北京 100191；2. 首都医科大学宣武医院麻醉科，北京 100053


                摘要：外泌体参与神经炎症和中枢敏化。
                Abstract: Exosomes take part in neuroinflammation.
                关键词：外泌体；神经炎症
                Keywords: exosome; neuroinflammation
                DOI：10.3969/j.issn.1006-9852.2023.01.005
                来源：中国疼痛医学杂志, 2023, 29(01): 25-31
                引证文献
                [1] 赵六. 外泌体与疼痛[J]. 中华骨科杂志, 2024, 44(2): 100-105.
                """);
        Painlab.Result r = Painlab.run("lit", "parse-text", page.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        for (String key : List.of("doi", "title", "title_zh", "authors", "journal", "year", "volume", "issue", "pages", "keywords",
                "abstract", "abstract_zh", "language")) {
            assertTrue(m.containsKey(key), key);
        }
        assertEquals("10.3969/j.issn.1006-9852.2023.01.005", m.get("doi"));
        assertEquals("Research progress of exosomes in neuropathic pain", m.get("title"));
        assertEquals("外泌体在神经病理性疼痛中的作用研究进展", m.get("title_zh"));
        assertEquals("中国疼痛医学杂志", m.get("journal"));
        assertEquals(2023, ((Number) m.get("year")).intValue());
        assertEquals("29", m.get("volume"));
        assertEquals("1", m.get("issue"));
        assertEquals("25-31", m.get("pages"));
        assertEquals(List.of("exosome", "neuroinflammation"), m.get("keywords"));
        assertEquals(List.of("外泌体", "神经炎症"), m.get("keywords_zh"));
        assertEquals("外泌体参与神经炎症和中枢敏化。", m.get("abstract_zh"));
        assertEquals("zh", m.get("language"));
        assertEquals(List.of("language"), m.get("guessed"));
        List<Map<String, Object>> authors = (List<Map<String, Object>>) m.get("authors");
        assertEquals("李四", authors.get(1).get("family"));
        assertEquals(List.of("首都医科大学宣武医院麻醉科，北京 100053"), authors.get(1).get("affiliations"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchFindsChineseAndEnglishWordsWithHighlights() throws Exception {
        Path dir = study();
        Path ris = tmp.resolve("lib.ris");
        Files.writeString(ris, RIS);
        assertEquals(0, Painlab.run("lit", "import", dir.toString(), ris.toString()).exitCode());
        Painlab.Result r = Painlab.run("lit", "search", dir.toString(), "外泌体", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals(1L, num(m, "total"));
        Map<String, Object> hit = ((List<Map<String, Object>>) m.get("hits")).get(0);
        assertEquals("ref2023", hit.get("key"));
        assertTrue(((Map<String, String>) hit.get("highlights")).get("title_zh").contains("<b>外泌体</b>"), hit.toString());
        assertEquals(2L, num(Painlab.run("lit", "search", dir.toString(), "exosome", "--json").json(), "total"));
        assertEquals(1L, num(Painlab.run("lit", "search", dir.toString(), "exosome", "--language", "en", "--json").json(), "total"));
        assertTrue(Files.isDirectory(dir.resolve("index/literature")), "the index is kept for the next search");
    }
}
