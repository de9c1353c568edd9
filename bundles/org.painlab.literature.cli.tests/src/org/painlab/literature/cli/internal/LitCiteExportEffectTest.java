package org.painlab.literature.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;

/** {@code painlab lit cite|export|effect} as a user runs them. */
class LitCiteExportEffectTest {
    private static final String RIS = """
            TY  - JOUR
            ID  - wang2023
            AU  - Wang, Li
            AD  - Peking University Third Hospital
            AU  - Smith, John
            AU  - Chen, Jing
            AU  - Garcia, Maria
            TI  - Exosomes in chronic pain
            JO  - Pain
            PY  - 2023
            VL  - 164
            IS  - 3
            SP  - 500
            EP  - 510
            LA  - en
            ER  -\s

            TY  - JOUR
            ID  - zhang2022
            AU  - 张三
            AU  - 李四
            AU  - 王五
            AU  - 赵六
            TI  - 脊神经根阻滞治疗腰椎间盘突出症
            JO  - 中国疼痛医学杂志
            PY  - 2022
            VL  - 28
            IS  - 4
            SP  - 255
            EP  - 261
            LA  - zh
            ER  -\s
            """;

    @TempDir
    Path tmp;

    private Path studyWithReferences(String name) throws Exception {
        Path dir = tmp.resolve(name);
        assertEquals(0, Painlab.run("study", "create", dir.toString()).exitCode());
        Path ris = tmp.resolve("refs.ris");
        Files.writeString(ris, RIS);
        Painlab.Result r = Painlab.run("lit", "import", dir.toString(), ris.toString());
        assertEquals(0, r.exitCode(), r.err());
        return dir;
    }

    @Test
    void citeGbt7714MixesEtAlAnd等() throws Exception {
        Path dir = studyWithReferences("study");
        Painlab.Result r = Painlab.run("lit", "cite", dir.toString(), "wang2023", "zhang2022", "--style", "gbt7714", "--bibliography");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("[1,2]", "",
                "[1] WANG L, SMITH J, CHEN J, et al. Exosomes in chronic pain[J]. Pain, 2023, 164(3): 500-510.",
                "[2] 张三, 李四, 王五, 等. 脊神经根阻滞治疗腰椎间盘突出症[J]. 中国疼痛医学杂志, 2022, 28(4): 255-261."),
                r.out().lines().toList());

        Painlab.Result missing = Painlab.run("lit", "cite", dir.toString(), "wang2023", "nosuch", "--style", "apa");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no reference with key 'nosuch'"), missing.err());
        Painlab.Result style = Painlab.run("lit", "cite", dir.toString(), "wang2023", "--style", "nosuch-style");
        assertEquals(1, style.exitCode());
        assertTrue(style.err().contains("no CSL style 'nosuch-style'"), style.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void exportThenImportGivesTheSameReferences() throws Exception {
        Path dir = studyWithReferences("study");
        for (String format : List.of("ris", "bibtex", "csl-json")) {
            Path out = tmp.resolve("export." + format);
            Painlab.Result r = Painlab.run("lit", "export", dir.toString(), "--format", format, "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            Path copy = tmp.resolve("copy-" + format);
            assertEquals(0, Painlab.run("study", "create", copy.toString()).exitCode());
            Map<String, Object> back = Painlab.run("lit", "import", copy.toString(), out.toString(), "--format", format, "--json").json();
            assertEquals(List.of("wang2023", "zhang2022"), back.get("keys"), format);
        }
        Path one = tmp.resolve("one.ris");
        assertEquals(0, Painlab.run("lit", "export", dir.toString(), "--format", "ris", "--keys", "zhang2022", "--out", one.toString()).exitCode());
        String text = Files.readString(one);
        assertTrue(text.contains("TI  - 脊神经根阻滞治疗腰椎间盘突出症") && !text.contains("wang2023"), text);

        Path never = tmp.resolve("never.ris");
        Painlab.Result bad = Painlab.run("lit", "export", dir.toString(), "--format", "medline", "--out", never.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("can be read but not written"), bad.err());
        assertFalse(Files.exists(never));
    }

    @Test
    @SuppressWarnings("unchecked")
    void effectsAreAddedListedAndChecked() throws Exception {
        Path dir = studyWithReferences("study");
        Painlab.Result add = Painlab.run("lit", "effect", "add", dir.toString(), "wang2023", "--outcome", "vas", "--time", "3 months",
                "--arm", "S", "--n", "40", "--mean", "2.1", "--sd", "1.2", "--location", "p. 5, Table 2", "--actor", "tester");
        assertEquals(0, add.exitCode(), add.err());
        assertEquals(0, Painlab.run("lit", "effect", "add", dir.toString(), "wang2023", "--outcome", "relief50", "--arm", "S",
                "--events", "28", "--total", "40").exitCode());

        Map<String, Object> list = Painlab.run("lit", "effect", "list", dir.toString(), "--json").json();
        List<Map<String, Object>> rows = (List<Map<String, Object>>) list.get("effects");
        assertEquals(2, rows.size());
        Map<String, Object> vas = rows.stream().filter(m -> m.get("outcome").equals("vas")).findFirst().orElseThrow();
        assertEquals("3 months", vas.get("time"));
        assertEquals(40, ((Number) vas.get("n")).intValue());
        assertEquals(2.1, ((Number) vas.get("mean")).doubleValue(), 0.0);
        assertEquals("p. 5, Table 2", vas.get("location"));

        Painlab.Result half = Painlab.run("lit", "effect", "add", dir.toString(), "wang2023", "--outcome", "vas", "--arm", "C", "--n", "38");
        assertEquals(2, half.exitCode());
        assertTrue(half.err().contains("give either n, mean and SD, or events and total"), half.err());
        Painlab.Result noRef = Painlab.run("lit", "effect", "add", dir.toString(), "li2020", "--outcome", "vas", "--arm", "C",
                "--events", "1", "--total", "2");
        assertEquals(1, noRef.exitCode());
        assertTrue(noRef.err().contains("no reference with key 'li2020'"), noRef.err());
    }
}
