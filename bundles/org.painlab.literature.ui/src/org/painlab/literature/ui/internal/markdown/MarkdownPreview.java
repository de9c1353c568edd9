package org.painlab.literature.ui.internal.markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.painlab.literature.ui.internal.markdown.MarkdownText.Span;

/**
 * A read-only StyledText showing rendered Markdown: headings larger and bold, code in the
 * monospace font, links underlined in the link colour. Fonts it makes are disposed with it.
 */
public final class MarkdownPreview {
    private final StyledText text;
    private final Map<String, Font> fonts = new HashMap<>();
    private MarkdownText.Rendered rendered = MarkdownText.render("");
    private java.util.function.Consumer<String> linkAction;

    public MarkdownPreview(Composite parent) {
        text = new StyledText(parent, SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        text.setMargins(8, 8, 8, 8);
        text.addDisposeListener(e -> fonts.values().forEach(Font::dispose));
        text.addListener(SWT.MouseUp, e -> {
            int offset = text.getOffsetAtPoint(new org.eclipse.swt.graphics.Point(e.x, e.y));
            if (offset >= 0) {
                follow(offset);
            }
        });
    }

    /** Tells {@code action} the target of a link the user clicks ({@code subject:S01}). */
    public void onLink(java.util.function.Consumer<String> action) {
        linkAction = action;
    }

    /**
     * Follows the link at {@code offset} of the shown text, as a click there does.
     *
     * @return the link's target, or null when there is no link at the offset
     */
    public String follow(int offset) {
        StyleRange r = offset < 0 || offset >= text.getCharCount() ? null : text.getStyleRangeAtOffset(offset);
        if (r == null || !(r.data instanceof String target)) {
            return null;
        }
        if (linkAction != null) {
            linkAction.accept(target);
        }
        return target;
    }

    public StyledText control() {
        return text;
    }

    /** What is shown now, as rendered. */
    public MarkdownText.Rendered rendered() {
        return rendered;
    }

    /** Renders {@code markdown} into the widget. */
    public void show(String markdown) {
        rendered = MarkdownText.render(markdown);
        text.setText(rendered.text());
        int n = rendered.text().length();
        // each character's look, layered: outer spans first, so a link inside bold is bold and underlined
        String[] font = new String[n];
        int[] fontStyle = new int[n];
        boolean[] underline = new boolean[n];
        boolean[] grey = new boolean[n];
        String[] target = new String[n];
        List<Span> byLength = new ArrayList<>(rendered.spans());
        byLength.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (Span sp : byLength) {
            for (int i = sp.start(); i < sp.start() + sp.length() && i < n; i++) {
                switch (sp.style()) {
                    case HEADING -> font[i] = "h" + Math.min(sp.level(), 4);
                    case BOLD -> fontStyle[i] |= SWT.BOLD;
                    case ITALIC -> fontStyle[i] |= SWT.ITALIC;
                    case CODE -> font[i] = "code";
                    case LINK -> {
                        underline[i] = true;
                        target[i] = sp.target();
                    }
                    case QUOTE -> {
                        fontStyle[i] |= SWT.ITALIC;
                        grey[i] = true;
                    }
                }
            }
        }
        Display d = text.getDisplay();
        List<StyleRange> ranges = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && java.util.Objects.equals(font[j], font[i]) && fontStyle[j] == fontStyle[i] && underline[j] == underline[i]
                    && grey[j] == grey[i] && java.util.Objects.equals(target[j], target[i])) {
                j++;
            }
            if (font[i] != null || fontStyle[i] != 0 || underline[i] || grey[i]) {
                StyleRange r = new StyleRange();
                r.start = i;
                r.length = j - i;
                r.font = font[i] == null ? null : font(font[i]);
                r.fontStyle = r.font == null ? fontStyle[i] : SWT.NORMAL;
                r.underline = underline[i];
                r.data = target[i];
                r.foreground = underline[i] ? d.getSystemColor(SWT.COLOR_LINK_FOREGROUND)
                        : grey[i] ? d.getSystemColor(SWT.COLOR_DARK_GRAY) : null;
                ranges.add(r);
            }
            i = j;
        }
        text.setStyleRanges(ranges.toArray(StyleRange[]::new));
    }

    /** Heading fonts (h1 to h4: bold, larger) and the monospace code font, made once per preview. */
    private Font font(String id) {
        return fonts.computeIfAbsent(id, k -> {
            if (k.equals("code")) {
                return new Font(text.getDisplay(), JFaceResources.getTextFont().getFontData());
            }
            double scale = switch (k) {
                case "h1" -> 1.6;
                case "h2" -> 1.35;
                case "h3" -> 1.15;
                default -> 1.0;
            };
            FontData[] base = text.getFont().getFontData();
            for (FontData f : base) {
                f.setHeight((int) Math.round(f.getHeight() * scale));
                f.setStyle(SWT.BOLD);
            }
            return new Font(text.getDisplay(), base);
        });
    }
}
