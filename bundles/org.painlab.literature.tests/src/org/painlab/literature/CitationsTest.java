package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.literature.cite.CitationOutput;
import org.painlab.literature.cite.Citations;
import org.painlab.literature.cite.FormattedCitations;

/**
 * Citations in the five styles a pain lab needs, against entries checked by hand with each style's
 * rules: an English and a Chinese article with eight authors each, so each style's author limit is
 * passed (AMA lists 3 then "et al.", Vancouver 6, GB/T 7714 3; PAIN and APA's bibliography list all
 * eight, APA's citation names the first) and "et al." / "等" follow the reference's language.
 */
class CitationsTest {
    static final Reference EN = Reference.builder().key("wang2023").type(ReferenceType.ARTICLE_JOURNAL).language("en")
            .title("Exosomes in chronic pain: mechanisms of neuroinflammation").journal("Pain").year(2023).volume("164")
            .issue("3").pages("e123-e135").doi("10.1097/j.pain.0000000000002750")
            .author(new Author("Wang", "Li", List.of("Peking University"))).author(new Author("Smith", "John A", List.of()))
            .author(new Author("Chen", "Jing", List.of())).author(new Author("Müller", "Karl", List.of()))
            .author(new Author("Garcia", "Maria", List.of())).author(new Author("Kim", "Min-jun", List.of()))
            .author(new Author("Brown", "Emily R", List.of())).author(new Author("Rossi", "Luca", List.of())).build();
    static final Reference ZH = Reference.builder().key("zhang2023").type(ReferenceType.ARTICLE_JOURNAL).language("zh")
            .titleZh("外泌体在神经病理性疼痛中的作用研究进展").title("Research progress of exosomes in neuropathic pain")
            .journal("中国疼痛医学杂志").year(2023).volume("29").issue("1").pages("25-31")
            .author(new Author("张三", null, List.of("北京大学第三医院疼痛科"))).author(new Author("李四", null, List.of()))
            .author(new Author("王五", null, List.of())).author(new Author("赵六", null, List.of()))
            .author(new Author("孙七", null, List.of())).author(new Author("周八", null, List.of()))
            .author(new Author("吴九", null, List.of())).author(new Author("郑十", null, List.of())).build();

    private static FormattedCitations cite(String style) throws LiteratureException {
        return new Citations().format(List.of(EN, ZH), style, CitationOutput.TEXT);
    }

    @Test
    void gbt7714NumericWritesEtAlForEnglishAnd等ForChinese() throws Exception {
        FormattedCitations f = cite("gbt7714");
        assertEquals("china-national-standard-gb-t-7714-2015-numeric", f.style());
        assertEquals("[1,2]", f.citation());
        assertEquals(List.of("[1] WANG L, SMITH J A, CHEN J, et al. Exosomes in chronic pain: mechanisms of neuroinflammation[J/OL]. "
                + "Pain, 2023, 164(3): e123-e135. DOI:10.1097/j.pain.0000000000002750.",
                "[2] 张三, 李四, 王五, 等. 外泌体在神经病理性疼痛中的作用研究进展[J]. 中国疼痛医学杂志, 2023, 29(1): 25-31."),
                f.entries());
        assertEquals(List.of("wang2023", "zhang2023"), f.keys());
    }

    @Test
    void amaListsThreeAuthorsThenEtAlOr等() throws Exception {
        FormattedCitations f = cite("ama");
        assertEquals("1,2", f.citation());
        assertEquals(List.of("1. Wang L, Smith JA, Chen J, et al. Exosomes in chronic pain: mechanisms of neuroinflammation. "
                + "Pain. 2023;164(3):e123-e135. doi:10.1097/j.pain.0000000000002750",
                // zh-CN locale terms: 等, and its page-range delimiter ～
                "2. 张三, 李四, 王五, 等. 外泌体在神经病理性疼痛中的作用研究进展. 中国疼痛医学杂志. 2023;29(1):25～31."), f.entries());
    }

    @Test
    void vancouverListsSixAuthorsThenEtAlOr等() throws Exception {
        FormattedCitations f = cite("vancouver");
        assertEquals("nlm-citation-sequence", f.style());
        assertEquals("(1,2)", f.citation());
        assertEquals(List.of("1. Wang L, Smith JA, Chen J, Müller K, Garcia M, Kim M-j, et al. Exosomes in chronic pain: "
                + "mechanisms of neuroinflammation. Pain. 2023;164(3):e123–35.",
                "2. 张三, 李四, 王五, 赵六, 孙七, 周八, 等. 外泌体在神经病理性疼痛中的作用研究进展. 中国疼痛医学杂志. 2023年;29(1):25～31."),
                f.entries());
    }

    @Test
    void painListsAllAuthors() throws Exception {
        FormattedCitations f = cite("pain");
        assertEquals("[1,2]", f.citation());
        assertEquals(List.of("[1] Wang L, Smith JA, Chen J, Müller K, Garcia M, Kim M-j, Brown ER, Rossi L. Exosomes in chronic pain: "
                + "mechanisms of neuroinflammation. Pain 2023;164:e123–e135.",
                "[2] 张三, 李四, 王五, 赵六, 孙七, 周八, 吴九, 郑十. 外泌体在神经病理性疼痛中的作用研究进展. 中国疼痛医学杂志 2023;29:25～31."),
                f.entries());
    }

    @Test
    void apaCitesFirstAuthorWithEtAlOr等ByLanguage() throws Exception {
        FormattedCitations f = cite("apa");
        assertEquals("(Wang et al., 2023; 张三 等, 2023)", f.citation());
        assertEquals(List.of("Wang, L., Smith, J. A., Chen, J., Müller, K., Garcia, M., Kim, M.-j., Brown, E. R., & Rossi, L. (2023). "
                + "Exosomes in chronic pain: mechanisms of neuroinflammation. Pain, 164(3), e123–e135. "
                + "https://doi.org/10.1097/j.pain.0000000000002750",
                "张三, 李四, 王五, 赵六, 孙七, 周八, 吴九, & 郑十. (2023). 外泌体在神经病理性疼痛中的作用研究进展. 中国疼痛医学杂志, 29(1), 25～31."),
                f.entries());
        assertEquals("(张三 等, 2023)", new Citations().format(List.of(ZH), "apa", CitationOutput.TEXT).citation());
    }

    @Test
    void htmlAndUnknownStyles() throws Exception {
        FormattedCitations f = new Citations().format(List.of(EN), "apa", CitationOutput.HTML);
        assertTrue(f.entries().get(0).startsWith("<div class=\"csl-entry\">Wang, L., Smith, J. A.,"), f.entries().get(0));
        assertTrue(f.entries().get(0).contains("<span style=\"font-style: italic\">Pain</span>"), f.entries().get(0));
        LiteratureException e = assertThrows(LiteratureException.class,
                () -> new Citations().format(List.of(EN), "no-such-style", CitationOutput.TEXT));
        assertTrue(e.getMessage().contains("no CSL style 'no-such-style'"), e.getMessage());
    }
}
