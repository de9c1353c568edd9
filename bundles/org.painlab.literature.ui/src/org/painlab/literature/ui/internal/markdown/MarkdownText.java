package org.painlab.literature.ui.internal.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown turned into plain text with styled spans, for a preview in a StyledText (the SWT Browser
 * may not work on the lab's machines). Covers what notes use: ATX headings, paragraphs, bullet and
 * numbered lists, block quotes, fenced code, rules, and inline bold, italic, code and links
 * ({@code [label](subject:S01)} keeps its target so a preview can follow it).
 */
public final class MarkdownText {
    /** What a span looks like. */
    public enum Style {
        HEADING, BOLD, ITALIC, CODE, LINK, QUOTE
    }

    /**
     * A styled run of the rendered text.
     *
     * @param level the heading level (1 to 6), else 0
     * @param target a link's target, else null
     */
    public record Span(int start, int length, Style style, int level, String target) {
    }

    /** The rendered text and its spans in order of start. */
    public record Rendered(String text, List<Span> spans) {
        public Rendered {
            spans = List.copyOf(spans);
        }
    }

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\s*)(\\d{1,9})[.)]\\s+(.*)$");
    private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern INLINE = Pattern.compile(
            "`([^`]+)`|\\*\\*(.+?)\\*\\*|__(.+?)__|\\[([^\\]]+)\\]\\(([^)\\s]+)\\)|(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?!\\w)|(?<!\\w)_(?!\\s)(.+?)(?<!\\s)_(?!\\w)");

    private final StringBuilder out = new StringBuilder();
    private final List<Span> spans = new ArrayList<>();

    private MarkdownText() {
    }

    /** Renders {@code markdown}. */
    public static Rendered render(String markdown) {
        MarkdownText m = new MarkdownText();
        m.blocks(markdown == null ? "" : markdown);
        return new Rendered(m.out.toString(), m.spans);
    }

    private void blocks(String markdown) {
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        boolean fenced = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                int start = out.length();
                out.append(line);
                spans.add(new Span(start, line.length(), Style.CODE, 0, null));
                out.append('\n');
                continue;
            }
            Matcher m;
            if ((m = HEADING.matcher(line)).matches()) {
                int start = out.length();
                int level = m.group(1).length();
                inline(m.group(2));
                spans.add(new Span(start, out.length() - start, Style.HEADING, level, null));
            } else if (RULE.matcher(line).matches()) {
                out.append("────────────────────");
            } else if ((m = BULLET.matcher(line)).matches()) {
                out.append(m.group(1)).append("• ");
                inline(m.group(2));
            } else if ((m = NUMBERED.matcher(line)).matches()) {
                out.append(m.group(1)).append(m.group(2)).append(". ");
                inline(m.group(3));
            } else if (line.startsWith(">")) {
                int start = out.length();
                out.append("▌ ");
                inline(line.substring(1).strip());
                spans.add(new Span(start, out.length() - start, Style.QUOTE, 0, null));
            } else {
                inline(line);
            }
            out.append('\n');
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
            out.setLength(out.length() - 1);
        }
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
    }

    private void inline(String text) {
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(text, at, m.start());
            int start = out.length();
            if (m.group(1) != null) {
                out.append(m.group(1));
                spans.add(new Span(start, m.group(1).length(), Style.CODE, 0, null));
            } else if (m.group(2) != null || m.group(3) != null) {
                inlineStyled(m.group(2) != null ? m.group(2) : m.group(3), Style.BOLD);
            } else if (m.group(4) != null) {
                out.append(m.group(4));
                spans.add(new Span(start, m.group(4).length(), Style.LINK, 0, m.group(5)));
            } else {
                inlineStyled(m.group(6) != null ? m.group(6) : m.group(7), Style.ITALIC);
            }
            at = m.end();
        }
        out.append(text, at, text.length());
    }

    /** Bold or italic text may hold other inline marks (a link in bold): those are rendered inside. */
    private void inlineStyled(String inner, Style style) {
        int start = out.length();
        inline(inner);
        spans.add(new Span(start, out.length() - start, style, 0, null));
    }
}
