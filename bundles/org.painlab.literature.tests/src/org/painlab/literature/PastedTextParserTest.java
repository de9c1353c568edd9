package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.painlab.literature.internal.text.PastedTextParser;

/** Pasted web pages (written for these tests, in the layouts the lab copies from) and the fields read from them. */
class PastedTextParserTest {
    private static Reference parse(String page) {
        return new PastedTextParser().parse(Resources.text("pages/" + page));
    }

    @Test
    void pubmedRecordGivesSourceIdentifiersAffiliationsAndGuessesTitleAndAuthorsByPlace() {
        Reference r = parse("pubmed-exosomes.txt");
        assertEquals("Exosomes in chronic pain: mechanisms of neuroinflammation and therapeutic potential", r.title());
        assertEquals("Pain", r.journal());
        assertEquals(2023, r.year());
        assertEquals("164", r.volume());
        assertEquals("3", r.issue());
        assertEquals("e123-e135", r.pages());
        assertEquals("10.1097/j.pain.0000000000002750", r.doi());
        assertEquals("35947875", r.pmid());
        assertEquals(3, r.authors().size());
        assertEquals(new Author("Wang", "Li", List.of("Department of Pain Medicine, West China Hospital, Sichuan University, Chengdu, China")),
                r.authors().get(0));
        assertEquals("Smith", r.authors().get(1).family());
        assertEquals("John A", r.authors().get(1).given());
        assertEquals(List.of("Department of Anesthesiology, University of Iowa, Iowa City, IA, USA"), r.authors().get(1).affiliations());
        assertEquals(List.of("exosome", "neuroinflammation", "neuropathic pain", "microglia"), r.keywords());
        assertTrue(r.abstractText().startsWith("Exosomes are small extracellular vesicles"), r.abstractText());
        assertTrue(r.abstractText().endsWith("including VAS and ODI outcomes."), r.abstractText());
        assertFalse(r.abstractText().contains("Copyright"), "the copyright line is not abstract");
        assertNull(r.titleZh());
        assertNull(r.abstractZh());
        assertEquals("en", r.language());
        assertEquals(Set.of("title", "authors", "language"), r.guessed());
    }

    @Test
    void pubmedRecordOfAChineseArticleTakesTheBracketedTitleAndTheLabelledLanguage() {
        Reference r = parse("pubmed-chinese-article.txt");
        assertEquals("Effect of ultrasound-guided selective nerve root block before percutaneous endoscopic lumbar discectomy on postoperative pain",
                r.title());
        assertEquals("Zhongguo Gu Shang", r.journal());
        assertEquals(2021, r.year());
        assertEquals("34", r.volume());
        assertEquals("6", r.issue());
        assertEquals("512-517", r.pages());
        assertEquals("10.12200/j.issn.1003-0034.2021.06.004", r.doi());
        assertEquals("34180000", r.pmid());
        assertEquals("zh", r.language(), "'Article in Chinese' says so");
        assertFalse(r.guessed().contains("language"));
        assertEquals(List.of("Zhang", "Liu", "Zhao"), r.authors().stream().map(Author::family).toList());
        assertEquals(List.of("Department of Anesthesiology, Beijing Hospital, Beijing 100730, China"), r.authors().get(2).affiliations());
        assertFalse(r.guessed().contains("authors"), "authors were under a label");
        assertTrue(r.abstractText().startsWith("Objective: To evaluate selective nerve root block"));
        assertEquals(List.of("Intervertebral disc displacement", "Nerve block", "Pain, postoperative"), r.keywords());
    }

    @Test
    void cnkiPageGivesBothLanguagesAndDropsTheCitingLists() {
        Reference r = parse("cnki-exosome.txt");
        assertEquals("外泌体在神经病理性疼痛中的作用研究进展", r.titleZh());
        assertEquals("Research progress of exosomes in neuropathic pain", r.title());
        assertEquals(List.of("张三", "李四", "王五"), r.authors().stream().map(Author::family).toList());
        assertEquals(List.of("北京大学第三医院疼痛科，北京 100191"), r.authors().get(0).affiliations());
        assertEquals(List.of("首都医科大学宣武医院麻醉科，北京 100053"), r.authors().get(1).affiliations());
        assertEquals(2, r.authors().get(2).affiliations().size());
        assertEquals("外泌体是细胞分泌的细胞外囊泡，可携带微小RNA和蛋白质。近年研究表明外泌体参与神经炎症和中枢敏化。", r.abstractZh());
        assertTrue(r.abstractText().startsWith("Exosomes are extracellular vesicles"));
        assertEquals(List.of("外泌体", "神经病理性疼痛", "神经炎症", "中枢敏化"), r.keywordsZh());
        assertEquals(List.of("exosome", "neuropathic pain", "neuroinflammation", "central sensitization"), r.keywords());
        assertEquals("10.3969/j.issn.1006-9852.2023.01.005", r.doi(), "not the DOI of the citing work listed below");
        assertEquals("中国疼痛医学杂志", r.journal());
        assertEquals(2023, r.year());
        assertEquals("29", r.volume());
        assertEquals("1", r.issue());
        assertEquals("25-31", r.pages());
        assertNull(r.pmid());
        assertEquals("zh", r.language());
        assertEquals(Set.of("language"), r.guessed());
    }

    @Test
    void cnkiPageWithLabelsOnTheirOwnLinesTabsAndABilingualAbstract() {
        Reference r = parse("cnki-stroke-exercise.txt");
        assertEquals("运动疗法对脑卒中后疼痛的影响：一项随机对照试验", r.titleZh());
        assertNull(r.title(), "there is no English title on the page");
        assertEquals(List.of("陈静", "刘洋", "孙丽"), r.authors().stream().map(Author::family).toList());
        assertEquals(List.of("南方医科大学康复医学院，广州 510515"), r.authors().get(1).affiliations());
        assertTrue(r.abstractZh().startsWith("目的 观察运动疗法"));
        assertTrue(r.abstractZh().contains("采用视觉模拟评分法（VAS）"), "wrapped Chinese lines join without a space");
        assertTrue(r.abstractText().startsWith("Objective To observe the effect of exercise therapy"));
        assertEquals(List.of("脑卒中", "中枢性疼痛", "运动疗法", "视觉模拟评分"), r.keywordsZh());
        assertEquals(List.of(), r.keywords());
        assertEquals("中国康复医学杂志", r.journal());
        assertEquals(2022, r.year());
        assertEquals("37", r.volume());
        assertEquals("4", r.issue());
        assertNull(r.pages(), "no pages on the page");
        assertNull(r.doi(), "no DOI on the page");
        assertEquals(Set.of("journal", "language"), r.guessed());
    }

    @Test
    void publisherPageWithFromKeywordsAndDoiUrl() {
        Reference r = parse("publisher-neuroinflammation.txt");
        assertEquals("Microglial activation and central sensitization after lumbar disc herniation", r.title());
        assertTrue(r.guessed().contains("title"), "the title had no label");
        assertEquals(List.of("Miller", "Brown"), r.authors().stream().map(Author::family).toList());
        assertEquals("David K", r.authors().get(1).given());
        assertEquals(List.of("Department of Neurology, Massachusetts General Hospital, Boston, MA, USA"), r.authors().get(0).affiliations());
        assertEquals("J Pain Res", r.journal());
        assertEquals(2022, r.year());
        assertEquals("15", r.volume());
        assertNull(r.issue());
        assertEquals("1201-1212", r.pages());
        assertEquals("10.2147/jpr.s355555", r.doi());
        assertEquals(List.of("microglia", "central sensitization", "TSPO", "Oswestry Disability Index"), r.keywords());
        assertTrue(r.abstractText().contains("correlated with ODI"));
    }

    @Test
    void translatedDigestKeepsTheOriginalTitleAndInventsNoVolume() {
        Reference r = parse("digest-habenula-zh.txt");
        assertEquals("Autophagy in the lateral habenula regulates depressive-like behaviour in mice", r.title());
        assertEquals("外侧缰核自噬调控小鼠抑郁样行为", r.titleZh());
        assertEquals("Nature Neuroscience", r.journal());
        assertEquals(2024, r.year());
        assertNull(r.volume());
        assertNull(r.issue());
        assertNull(r.pages());
        assertEquals("10.1038/s41593-024-01234-5", r.doi());
        assertTrue(r.abstractZh().startsWith("外侧缰核（LHb）神经元的过度活动与抑郁有关。"));
        assertFalse(r.abstractZh().contains("小王"), "translator and editor lines are not abstract");
        assertEquals(List.of(), r.authors(), "the translator is not an author");
    }

    @Test
    void pageWithoutIdentifiersGetsNone() {
        Reference r = parse("no-identifiers.txt");
        assertEquals("针刺治疗慢性腰痛的系统评价", r.titleZh());
        assertEquals(List.of("周八", "吴九"), r.authors().stream().map(Author::family).toList());
        assertNull(r.doi());
        assertNull(r.pmid());
        assertNull(r.journal());
        assertNull(r.year());
        assertEquals(List.of("针刺", "慢性腰痛", "系统评价"), r.keywordsZh());
    }
}
