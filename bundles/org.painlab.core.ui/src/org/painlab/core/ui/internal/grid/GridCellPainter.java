package org.painlab.core.ui.internal.grid;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.data.convert.IDisplayConverter;
import org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell;
import org.eclipse.nebula.widgets.nattable.painter.cell.AbstractCellPainter;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.CellStyleUtil;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.HorizontalAlignmentEnum;
import org.eclipse.nebula.widgets.nattable.style.IStyle;
import org.eclipse.nebula.widgets.nattable.style.VerticalAlignmentEnum;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;

/**
 * Paints a body cell of a workbench grid: background, one line of text aligned as the cell's
 * style says, an ellipsis when it does not fit. It looks like NatTable's modern theme
 * (background painter, 5 px padding, text painter) but does the per-cell work once: the font's
 * height is measured once per paint (NatTable's text painter asks the GC for font metrics for
 * every cell, which makes Pango build a metrics object each time), a text's width once per font
 * and text, the cell style and display converter once per display mode and label set, and the
 * text is clipped only when it would leave its cell. A full repaint of a 100,000-subject grid
 * therefore stays within a frame.
 */
public final class GridCellPainter extends AbstractCellPainter {
    /** Space between the text and the cell's left and right edges, as the modern theme's padding. */
    static final int PADDING = 5;
    static final String ELLIPSIS = "...";
    /** Widths kept per font: enough for every distinct text of a few screens, bounded for 100,000 distinct ids. */
    private static final int WIDTHS_PER_FONT = 20_000;

    /** What a cell's labels and display mode resolve to; looked up once per paint. */
    private record Look(Color background, Color foreground, Font font, HorizontalAlignmentEnum horizontal, VerticalAlignmentEnum vertical,
            IDisplayConverter converter) {
    }

    private record LookKey(DisplayMode mode, List<String> labels) {
    }

    /** The GC of the paint under way: styles and font heights are kept for one paint, since the registry may change between. */
    private GC paintGc;
    private final Map<LookKey, Look> looks = new HashMap<>();
    private final Map<Font, Integer> fontHeights = new IdentityHashMap<>();
    private final Map<Font, Map<String, Integer>> widthsOfFont = new IdentityHashMap<>();
    /** Widths stay valid across paints: a font is told by its description, not by its handle. */
    private final Map<FontData, Map<String, Integer>> widths = new HashMap<>();

    @Override
    public void paintCell(ILayerCell cell, GC gc, Rectangle bounds, IConfigRegistry registry) {
        startPaint(gc);
        Look look = look(cell, registry);
        Color oldBackground = gc.getBackground();
        Color oldForeground = gc.getForeground();
        Font oldFont = gc.getFont();
        if (look.background != null) {
            gc.setBackground(look.background);
            gc.fillRectangle(bounds);
        }
        String text = text(cell, registry, look);
        if (!text.isEmpty()) {
            Font font = look.font != null ? look.font : oldFont;
            gc.setFont(font);
            if (look.foreground != null) {
                gc.setForeground(look.foreground);
            }
            int available = bounds.width - 2 * PADDING;
            int height = fontHeight(gc, font);
            Map<String, Integer> fontWidths = widths(font);
            int width = width(gc, fontWidths, text);
            if (width > available) {
                text = shortened(gc, fontWidths, text, available);
                width = text.isEmpty() ? 0 : width(gc, fontWidths, text);
            }
            if (!text.isEmpty()) {
                int x = bounds.x + PADDING + horizontalOffset(look.horizontal, available, width);
                int y = bounds.y + verticalOffset(look.vertical, bounds.height, height);
                // setting a clip costs Cairo more than the text; only a text taller than its row needs one
                boolean clip = height > bounds.height || width > available;
                Rectangle oldClip = null;
                if (clip) {
                    oldClip = gc.getClipping();
                    gc.setClipping(bounds.intersection(oldClip));
                }
                gc.drawString(text, x, y, true);
                if (clip) {
                    gc.setClipping(oldClip);
                }
            }
        }
        gc.setBackground(oldBackground);
        gc.setForeground(oldForeground);
        gc.setFont(oldFont);
    }

    @Override
    public int getPreferredWidth(ILayerCell cell, GC gc, IConfigRegistry registry) {
        Look look = resolve(cell, registry);
        String text = text(cell, registry, look);
        Font old = gc.getFont();
        if (look.font != null) {
            gc.setFont(look.font);
        }
        int width = gc.stringExtent(text).x;
        gc.setFont(old);
        return width + 2 * PADDING + 1;
    }

    @Override
    public int getPreferredHeight(ILayerCell cell, GC gc, IConfigRegistry registry) {
        Look look = resolve(cell, registry);
        Font old = gc.getFont();
        if (look.font != null) {
            gc.setFont(look.font);
        }
        int height = gc.getFontMetrics().getHeight();
        gc.setFont(old);
        return height + 1;
    }

    private void startPaint(GC gc) {
        if (gc != paintGc) {
            paintGc = gc;
            looks.clear();
            fontHeights.clear();
            widthsOfFont.clear();
        }
    }

    private Look look(ILayerCell cell, IConfigRegistry registry) {
        // looked up with the cell's own label list; only a new entry keeps a copy of it
        List<String> labels = cell.getConfigLabels();
        Look look = looks.get(new LookKey(cell.getDisplayMode(), labels));
        if (look == null) {
            look = resolve(cell, registry);
            looks.put(new LookKey(cell.getDisplayMode(), List.copyOf(labels)), look);
        }
        return look;
    }

    private static Look resolve(ILayerCell cell, IConfigRegistry registry) {
        IStyle style = CellStyleUtil.getCellStyle(cell, registry);
        IDisplayConverter converter = registry.getConfigAttribute(CellConfigAttributes.DISPLAY_CONVERTER, cell.getDisplayMode(),
                cell.getConfigLabels());
        return new Look(style.getAttributeValue(CellStyleAttributes.BACKGROUND_COLOR), style.getAttributeValue(CellStyleAttributes.FOREGROUND_COLOR),
                style.getAttributeValue(CellStyleAttributes.FONT), style.getAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT),
                style.getAttributeValue(CellStyleAttributes.VERTICAL_ALIGNMENT), converter);
    }

    private static String text(ILayerCell cell, IConfigRegistry registry, Look look) {
        Object value = cell.getDataValue();
        Object shown = look.converter != null ? look.converter.canonicalToDisplayValue(cell, registry, value) : value;
        String text = shown == null ? "" : String.valueOf(shown);
        // one line per row: a line break inside a value (a note) would be drawn as a box or cut in half
        int end = text.indexOf('\n');
        if (end >= 0) {
            int cr = text.indexOf('\r');
            text = text.substring(0, cr >= 0 && cr < end ? cr : end) + ELLIPSIS;
        }
        return text;
    }

    private int fontHeight(GC gc, Font font) {
        Integer h = fontHeights.get(font);
        if (h == null) {
            h = gc.getFontMetrics().getHeight();
            fontHeights.put(font, h);
        }
        return h;
    }

    private Map<String, Integer> widths(Font font) {
        Map<String, Integer> w = widthsOfFont.get(font);
        if (w == null) {
            w = widths.computeIfAbsent(font.getFontData()[0], f -> new LinkedHashMap<>(256, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                    return size() > WIDTHS_PER_FONT;
                }
            });
            widthsOfFont.put(font, w);
        }
        return w;
    }

    private static int width(GC gc, Map<String, Integer> widths, String text) {
        Integer w = widths.get(text);
        if (w == null) {
            w = gc.stringExtent(text).x;
            widths.put(text, w);
        }
        return w;
    }

    /** The longest start of {@code text} that fits with an ellipsis; the ellipsis alone, or nothing, in a very narrow cell. */
    static String shortened(GC gc, Map<String, Integer> widths, String text, int available) {
        int ellipsis = width(gc, widths, ELLIPSIS);
        if (ellipsis > available) {
            return "";
        }
        int low = 0;
        int high = text.length();
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (gc.stringExtent(text.substring(0, mid)).x + ellipsis <= available) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return text.substring(0, low).stripTrailing() + ELLIPSIS;
    }

    /** As NatTable's CellStyleUtil: no alignment in the style centres. */
    static int horizontalOffset(HorizontalAlignmentEnum alignment, int available, int width) {
        if (alignment == HorizontalAlignmentEnum.LEFT) {
            return 0;
        }
        if (alignment == HorizontalAlignmentEnum.RIGHT) {
            return Math.max(0, available - width);
        }
        return Math.max(0, (available - width) / 2);
    }

    static int verticalOffset(VerticalAlignmentEnum alignment, int cellHeight, int textHeight) {
        if (alignment == VerticalAlignmentEnum.TOP) {
            return 0;
        }
        if (alignment == VerticalAlignmentEnum.BOTTOM) {
            return cellHeight - textHeight;
        }
        return (cellHeight - textHeight) / 2;
    }
}
