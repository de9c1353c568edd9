package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in format through the contributed registry: fields read, format chosen, bad records named. */
class FormatsTest {
    @TempDir
    Path tmp;

    private final LiteratureFormats formats = new LiteratureFormats();

    private LiteratureFormats.FileRead read(String file, String format) throws LiteratureException {
        return formats.read(Resources.copy("files/" + file, tmp), format);
    }

    @Test
    void builtInsAreContributions() {
        assertEquals(List.of("ris", "bibtex", "medline", "pubmed-xml", "endnote-xml", "csl-json", "text"),
                formats.list().stream().map(LiteratureFormats.FormatInfo::id).toList());
        assertTrue(formats.list().stream().allMatch(f -> f.contributor().equals("org.painlab.literature")));
    }

    @Test
    void risReadsBothLanguagesAffiliationsAndIdentifiers() throws Exception {
        LiteratureFormats.FileRead f = read("library.ris", "auto");
        assertEquals("ris", f.format());
        assertEquals(List.of(), f.outcome().problems());
        Reference en = f.outcome().records().get(0).reference();
        assertEquals("wang2023exo", en.key());
        assertEquals("Exosomes in chronic pain: mechanisms of neuroinflammation and therapeutic potential", en.title());
        assertEquals(List.of("Department of Pain Medicine, West China Hospital, Sichuan University, Chengdu, China"),
                en.authors().get(0).affiliations());
        assertEquals("John A.", en.authors().get(1).given());
        assertEquals("Pain", en.journal());
        assertEquals(2023, en.year());
        assertEquals("e123-e135", en.pages());
        assertEquals("10.1097/j.pain.0000000000002750", en.doi());
        assertEquals("35947875", en.pmid());
        assertEquals("en", en.language());
        Reference zh = f.outcome().records().get(1).reference();
        assertEquals(23, f.outcome().records().get(1).line());
        assertEquals("外泌体在神经病理性疼痛中的作用研究进展", zh.titleZh());
        assertEquals("Research progress of exosomes in neuropathic pain", zh.title());
        assertEquals("中国疼痛医学杂志", zh.journal());
        assertEquals("25-31", zh.pages());
        assertEquals(List.of("外泌体", "神经炎症"), zh.keywordsZh());
        assertEquals(List.of("exosome"), zh.keywords());
        assertEquals("外泌体是细胞分泌的细胞外囊泡。", zh.abstractZh());
        assertEquals("zh", zh.language());
        assertTrue(zh.guessed().contains("language"));
    }

    @Test
    void bibtexReadsMacrosLatexAndChineseEntries() throws Exception {
        LiteratureFormats.FileRead f = read("library.bib", "auto");
        assertEquals("bibtex", f.format());
        assertEquals(List.of(), f.outcome().problems());
        assertEquals(3, f.outcome().records().size());
        Reference a = f.outcome().records().get(0).reference();
        assertEquals("anderson2015", a.key());
        assertEquals(List.of("Anderson", "Makadia", "Vadigepalli"), a.authors().stream().map(Author::family).toList());
        assertEquals("65-82", a.pages());
        assertEquals("1", a.issue());
        assertEquals(List.of("microglia", "neuroinflammation"), a.keywords());
        Reference c = f.outcome().records().get(1).reference();
        assertEquals("运动疗法对脑卒中后疼痛的影响", c.titleZh());
        assertEquals(List.of("陈静", "刘洋"), c.authors().stream().map(Author::family).toList());
        assertEquals(2022, c.year());
        assertEquals("zh", c.language());
        Reference m = f.outcome().records().get(2).reference();
        assertEquals("VAS and ODI after endoscopic discectomy", m.title());
        assertEquals("Müller", m.authors().get(0).family());
        assertEquals("Pain", m.journal(), "@string macro resolved");
        assertEquals("32000001", m.pmid());
    }

    @Test
    void medlineReadsContinuationsAffiliationsAndTheOriginalTitle() throws Exception {
        LiteratureFormats.FileRead f = read("records.nbib", "auto");
        assertEquals("medline", f.format());
        assertEquals(List.of(), f.outcome().problems());
        Reference a = f.outcome().records().get(0).reference();
        assertEquals("35947875", a.pmid());
        assertEquals("Exosomes in chronic pain: mechanisms of neuroinflammation and therapeutic potential.", a.title());
        assertEquals("Exosomes are small extracellular vesicles that carry microRNAs and proteins between cells.", a.abstractText());
        assertEquals(List.of("Department of Pain Medicine, West China Hospital, Sichuan University, Chengdu, China."),
                a.authors().get(0).affiliations());
        assertEquals("Smith", a.authors().get(1).family());
        assertEquals("10.1097/j.pain.0000000000002750", a.doi());
        assertEquals("164", a.volume());
        assertEquals(List.of("exosome", "neuropathic pain"), a.keywords());
        Reference b = f.outcome().records().get(1).reference();
        assertEquals(28, f.outcome().records().get(1).line());
        assertEquals("超声引导下选择性神经根阻滞对经皮内镜腰椎间盘切除术后疼痛的影响", b.titleZh());
        assertTrue(b.title().startsWith("[Effect of ultrasound-guided"));
        assertEquals("zh", b.language());
        assertEquals(2021, b.year());
    }

    @Test
    void pubmedXmlReadsStructuredAbstractVernacularTitleAndIgnoresCitedWorks() throws Exception {
        LiteratureFormats.FileRead f = read("articles.xml", "auto");
        assertEquals("pubmed-xml", f.format());
        assertEquals(List.of(), f.outcome().problems());
        Reference a = f.outcome().records().get(0).reference();
        assertEquals("Exosomes in chronic pain: mechanisms of neuroinflammation and therapeutic potential.", a.title());
        assertEquals("BACKGROUND: Exosomes carry microRNAs between cells. CONCLUSIONS: Exosomes are a target for pain therapy.",
                a.abstractText());
        assertEquals(2023, a.year(), "the publication year, not the year completed");
        assertEquals("10.1097/j.pain.0000000000002750", a.doi());
        assertEquals(List.of("Department of Pain Medicine, West China Hospital, Chengdu, China."), a.authors().get(0).affiliations());
        assertEquals(List.of("exosome", "microglia"), a.keywords());
        Reference b = f.outcome().records().get(1).reference();
        assertEquals("Effect of selective nerve root block before endoscopic discectomy on postoperative pain", b.title());
        assertEquals("选择性神经根阻滞对经皮内镜腰椎间盘切除术后疼痛的影响", b.titleZh());
        assertEquals("zh", b.language());
        assertNull(b.doi());
    }

    @Test
    void cslJsonReadsItemsWithLiteralNames() throws Exception {
        LiteratureFormats.FileRead f = read("items.json", "auto");
        assertEquals("csl-json", f.format());
        assertEquals(List.of(), f.outcome().problems());
        Reference a = f.outcome().records().get(0).reference();
        assertEquals("reynolds2006", a.key());
        assertEquals(2006, a.year());
        assertEquals("10.1016/j.jtbi.2006.02.016", a.doi());
        assertEquals("16584750", a.pmid());
        assertEquals(List.of("inflammation", "mathematical model"), a.keywords());
        Reference b = f.outcome().records().get(1).reference();
        assertEquals("孙丽", b.authors().get(0).family());
        assertEquals("zh", b.language());
        assertEquals(2020, b.year());
    }

    @Test
    void endnoteXmlJoinsStyleRunsAndNamesABadYear() throws Exception {
        LiteratureFormats.FileRead f = read("library-endnote.xml", "auto");
        assertEquals("endnote-xml", f.format(), "an .xml file that is not PubMed's");
        Reference a = f.outcome().records().get(0).reference();
        assertEquals("外泌体在神经病理性疼痛中的作用研究进展", a.titleZh());
        assertEquals("Research progress of exosomes in neuropathic pain", a.title());
        assertEquals(List.of("张三", "李四"), a.authors().stream().map(Author::family).toList());
        assertEquals(List.of("北京大学第三医院疼痛科"), a.authors().get(1).affiliations());
        assertEquals("中国疼痛医学杂志", a.journal());
        assertEquals(2023, a.year());
        assertEquals("1", a.issue());
        assertEquals("10.3969/j.issn.1006-9852.2023.01.005", a.doi());
        assertEquals(List.of("外泌体"), a.keywordsZh());
        assertEquals("zh", a.language());
        assertEquals(List.of(new RecordProblem(2, "rec-number 13", 16, "year", "no year in 'n.d.'")), f.outcome().problems());
    }

    @Test
    void pastedTextIsAFormatToo() throws Exception {
        LiteratureFormats.FileRead f = formats.read(Resources.copy("pages/cnki-exosome.txt", tmp), "text");
        assertEquals("外泌体在神经病理性疼痛中的作用研究进展", f.outcome().records().get(0).reference().titleZh());
    }

    @Test
    void badRecordsAreNamedWithRecordLineAndField() throws Exception {
        RecordProblem ris = read("broken.ris", "auto").outcome().problems().get(0);
        assertEquals(new RecordProblem(2, null, 12, "PY", "no year in 'in press' (expected e.g. 2021 or 2021/03/04)"), ris);
        assertEquals(2, read("broken.ris", "auto").outcome().records().size());

        LiteratureFormats.FileRead bib = read("broken.bib", "auto");
        assertEquals(1, bib.outcome().problems().size());
        RecordProblem p = bib.outcome().problems().get(0);
        assertEquals(2, p.record());
        assertEquals("bad2021", p.recordId());
        assertTrue(p.line() >= 7 && p.line() <= 12, p.describe());
        assertEquals(List.of("good2020", "good2022"), bib.outcome().records().stream().map(r -> r.reference().key()).toList());

        RecordProblem nbib = read("broken.nbib", "auto").outcome().problems().get(0);
        assertEquals(new RecordProblem(2, "PMID 2222x222", 6, "PMID", "'2222x222' is not a PubMed id (digits)"), nbib);

        LiteratureFormats.FileRead xml = read("broken.xml", "auto");
        assertEquals(1, xml.outcome().records().size());
        RecordProblem x = xml.outcome().problems().get(0);
        assertEquals(2, x.record());
        assertEquals(10, x.line(), x.describe());
        assertTrue(x.reason().contains("not well-formed XML"), x.reason());

        RecordProblem json = read("broken.json", "auto").outcome().problems().get(0);
        assertEquals(new RecordProblem(2, "noyear", 3, "issued", "'spring' is not a year"), json);
    }

    @Test
    void unknownFormatAndUnrecognisedFileAreRefusedWithTheFileName() throws Exception {
        Path f = Resources.copy("files/library.ris", tmp);
        LiteratureException e = assertThrows(LiteratureException.class, () -> formats.read(f, "endnote-x9"));
        assertTrue(e.getMessage().contains("endnote-x9") && e.getMessage().contains("ris"), e.getMessage());
        Path odd = tmp.resolve("notes.dat");
        java.nio.file.Files.writeString(odd, "just some words");
        LiteratureException e2 = assertThrows(LiteratureException.class, () -> formats.read(odd, "auto"));
        assertTrue(e2.getMessage().contains(odd.toString()), e2.getMessage());
    }
}
