package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Export then import gives the same references back, in both languages, as far as each format carries them. */
class ExportTest {
    static final Reference EN = Reference.builder().key("wang2023").type(ReferenceType.ARTICLE_JOURNAL).language("en")
            .title("Exosomes & microglia in chronic pain: 50% of cases_a {VAS}").titleZh("外泌体与小胶质细胞在慢性疼痛中的作用")
            .abstractText("Background: exosomes carry miRNA. Results: VAS fell by 2.1 points.")
            .keyword("exosomes").keyword("Pain, postoperative").keywordZh("外泌体")
            .journal("Pain").year(2023).volume("164").issue("3").pages("e123-e135").doi("10.1097/j.pain.0000000000002750")
            .pmid("35947875").url("https://journals.lww.com/pain/abstract/2023/03000/x.aspx")
            .author(new Author("Wang", "Li", List.of("Department of Pain Medicine, Peking University Third Hospital, Beijing, China")))
            .author(new Author("Smith", "John A", List.of("Pain Research Unit, University of Oxford, UK", "Nuffield Department")))
            .build();
    static final Reference ZH = Reference.builder().key("zhang2022").type(ReferenceType.ARTICLE_JOURNAL).language("zh")
            .titleZh("脊神经根阻滞治疗腰椎间盘突出症的随机对照研究").title("Selective nerve root block for lumbar disc herniation: a randomized trial")
            .abstractZh("目的：评价脊神经根阻滞的疗效。结果：治疗后视觉模拟评分法（VAS）明显降低。")
            .abstractText("Objective: to assess selective nerve root block.")
            .keywordZh("神经根阻滞").keywordZh("腰椎间盘突出症").keyword("nerve block")
            .journal("中国疼痛医学杂志").year(2022).volume("28").issue("4").pages("255-261")
            .author(new Author("张三", null, List.of("北京大学第三医院疼痛医学中心")))
            .author(new Author("李四", null, List.of("北京大学第三医院疼痛医学中心", "北京大学神经科学研究所")))
            .build();

    @TempDir
    Path tmp;

    private List<Reference> roundTrip(String format) throws Exception {
        Path file = tmp.resolve("out." + format);
        new LibraryExport(new LiteratureFormats()).export(List.of(EN, ZH), format, file);
        LiteratureFormats.FileRead back = new LiteratureFormats().read(file, format);
        assertTrue(back.outcome().problems().isEmpty(), back.outcome().problems().toString());
        return back.outcome().records().stream().map(ReadRecord::reference).toList();
    }

    /** What a format cannot carry is taken off the expected reference. */
    private static Reference withoutAffiliations(Reference r) {
        Reference.Builder b = r.toBuilder();
        b.authors().replaceAll(a -> new Author(a.family(), a.given(), List.of()));
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ris", "csl-json"})
    void risAndCslJsonCarryEverythingIncludingAffiliations(String format) throws Exception {
        assertEquals(List.of(EN, ZH), roundTrip(format));
    }

    @Test
    void bibtexCarriesEverythingButAffiliations() throws Exception {
        assertEquals(List.of(withoutAffiliations(EN), withoutAffiliations(ZH)), roundTrip("bibtex"));
        String text = Files.readString(tmp.resolve("out.bibtex"));
        assertTrue(text.contains("title = {Exosomes \\& microglia in chronic pain: 50\\% of cases\\_a \\{VAS\\}}"), text);
        assertTrue(text.contains("pages = {255--261}"), text);
    }

    @Test
    void formatsThatOnlyReadAreRefusedAndNothingIsWritten() throws Exception {
        Path file = tmp.resolve("out.nbib");
        LiteratureException e = assertThrows(LiteratureException.class,
                () -> new LibraryExport(new LiteratureFormats()).export(List.of(EN), "medline", file));
        assertTrue(e.getMessage().contains("formats that write: ris, bibtex, csl-json"), e.getMessage());
        assertFalse(Files.exists(file));
    }
}
