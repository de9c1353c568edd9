package org.painlab.literature.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.literature.ui.internal.markdown.MarkdownText;
import org.painlab.literature.ui.internal.markdown.MarkdownText.Span;
import org.painlab.literature.ui.internal.markdown.MarkdownText.Style;

/** Markdown to styled text, and search passages to bold ranges. */
class MarkdownTextTest {
    @Test
    void headingsListsInlineMarksAndLinks() {
        MarkdownText.Rendered r = MarkdownText.render("## 方法 Methods\n1. **VAS** and *ODI*\n- `p < 0.05` [S01](subject:S01)\n---\n> 引用");
        assertEquals("方法 Methods\n1. VAS and ODI\n• p < 0.05 S01\n────────────────────\n▌ 引用", r.text());
        List<Span> s = r.spans();
        assertEquals(new Span(0, 10, Style.HEADING, 2, null), s.get(0));
        assertEquals(Style.BOLD, s.get(1).style());
        assertEquals("VAS", r.text().substring(s.get(1).start(), s.get(1).start() + s.get(1).length()));
        Span italic = s.stream().filter(x -> x.style() == Style.ITALIC).findFirst().orElseThrow();
        assertEquals("ODI", r.text().substring(italic.start(), italic.start() + italic.length()));
        Span link = s.stream().filter(x -> x.style() == Style.LINK).findFirst().orElseThrow();
        assertEquals("subject:S01", link.target());
        assertEquals("S01", r.text().substring(link.start(), link.start() + link.length()));
        Span code = s.stream().filter(x -> x.style() == Style.CODE).findFirst().orElseThrow();
        assertEquals("p < 0.05", r.text().substring(code.start(), code.start() + code.length()));
    }

    @Test
    void fencedCodeIsKeptAsWrittenAndSnakeCaseIsNotItalic() {
        MarkdownText.Rendered r = MarkdownText.render("```\n# not a heading\n```\nfile_name_here");
        assertEquals("# not a heading\nfile_name_here", r.text());
        assertEquals(List.of(Style.CODE), r.spans().stream().map(Span::style).toList());
    }

    @Test
    void marksOfASearchPassageBecomeBoldRanges() {
        Highlighted h = Highlighted.of("视觉模拟评分法（<b>VAS</b>）与<b>外泌体</b>");
        assertEquals("视觉模拟评分法（VAS）与外泌体", h.text());
        assertEquals(List.of("VAS", "外泌体"), h.words());
    }
}
