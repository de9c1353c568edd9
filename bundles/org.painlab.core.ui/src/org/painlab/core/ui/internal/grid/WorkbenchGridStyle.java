package org.painlab.core.ui.internal.grid;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.nebula.widgets.nattable.config.AbstractRegistryConfiguration;
import org.eclipse.nebula.widgets.nattable.config.CellConfigAttributes;
import org.eclipse.nebula.widgets.nattable.config.IConfigRegistry;
import org.eclipse.nebula.widgets.nattable.data.convert.DisplayConverter;
import org.eclipse.nebula.widgets.nattable.grid.GridRegion;
import org.eclipse.nebula.widgets.nattable.sort.SortConfigAttributes;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.DisplayMode;
import org.eclipse.nebula.widgets.nattable.style.HorizontalAlignmentEnum;
import org.eclipse.nebula.widgets.nattable.style.Style;
import org.eclipse.nebula.widgets.nattable.style.theme.ModernNatTableThemeConfiguration;
import org.eclipse.nebula.widgets.nattable.style.theme.ThemeConfiguration;

/**
 * The one look and behaviour of every PainLab grid on top of NatTable's modern theme: the
 * workbench's dialog font, numbers right-aligned and shown as {@link CellText} shows them,
 * sorting with {@link CellText#compare} (missing values last), body cells painted by
 * {@link GridCellPainter} (the theme's look, a repaint within a frame).
 */
public final class WorkbenchGridStyle extends AbstractRegistryConfiguration {

    /** NatTable's modern theme with group names at the left edge of their span, so they stay in sight when scrolled. */
    public static ThemeConfiguration theme() {
        return theme(false);
    }

    /**
     * @param namedRows whether the row header holds names (read from the left like text) rather than numbers
     * @return the theme
     */
    public static ThemeConfiguration theme(boolean namedRows) {
        ModernNatTableThemeConfiguration theme = new ModernNatTableThemeConfiguration() {
            @Override
            public void createPainterInstances() {
                super.createPainterInstances();
                // row numbers (or names) as the body's cells: NatTable's text painter asks Pango for the font's
                // metrics in every cell, a third of the time spent painting the headers
                GridCellPainter rows = new GridCellPainter();
                rHeaderCellPainter = rows;
                rHeaderSelectionCellPainter = rows;
            }
        };
        theme.cGroupHeaderHAlign = HorizontalAlignmentEnum.LEFT;
        if (namedRows) {
            theme.rHeaderHAlign = HorizontalAlignmentEnum.LEFT;
            theme.rHeaderSelectionHAlign = HorizontalAlignmentEnum.LEFT;
            theme.rHeaderFullSelectionHAlign = HorizontalAlignmentEnum.LEFT;
            theme.rHeaderHoverHAlign = HorizontalAlignmentEnum.LEFT;
            theme.rHeaderHoverSelectionHAlign = HorizontalAlignmentEnum.LEFT;
            theme.cornerHAlign = HorizontalAlignmentEnum.LEFT;
        }
        return theme;
    }

    /** Label of body cells holding numbers. */
    public static final String NUMBER = "PAINLAB_NUMBER";

    @Override
    public void configureRegistry(IConfigRegistry registry) {
        registry.registerConfigAttribute(CellConfigAttributes.DISPLAY_CONVERTER, new DisplayConverter() {
            @Override
            public Object canonicalToDisplayValue(Object canonicalValue) {
                return CellText.of(canonicalValue);
            }

            @Override
            public Object displayToCanonicalValue(Object displayValue) {
                return displayValue;
            }
        }, DisplayMode.NORMAL, GridRegion.BODY);
        registry.registerConfigAttribute(SortConfigAttributes.SORT_COMPARATOR, CellText::compare);
        Style numbers = new Style();
        numbers.setAttributeValue(CellStyleAttributes.HORIZONTAL_ALIGNMENT, HorizontalAlignmentEnum.RIGHT);
        for (DisplayMode mode : new DisplayMode[] { DisplayMode.NORMAL, DisplayMode.SELECT }) {
            registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, numbers, mode, NUMBER);
        }
        // one painter per grid: it keeps the widths of the texts it has drawn
        GridCellPainter painter = new GridCellPainter();
        for (DisplayMode mode : new DisplayMode[] { DisplayMode.NORMAL, DisplayMode.SELECT, DisplayMode.HOVER, DisplayMode.SELECT_HOVER }) {
            registry.registerConfigAttribute(CellConfigAttributes.CELL_PAINTER, painter, mode, GridRegion.BODY);
        }
        Style font = new Style();
        font.setAttributeValue(CellStyleAttributes.FONT, JFaceResources.getDialogFont());
        registry.registerConfigAttribute(CellConfigAttributes.CELL_STYLE, font, DisplayMode.NORMAL, GridRegion.BODY);
    }
}
