package org.painlab.imaging.ui.internal.viewer;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.ColorDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Text;
import org.painlab.imaging.Volume;

/**
 * Orthogonal slice viewer of a {@link Volume}: axial, coronal and sagittal panes with a slider each, a
 * window/level (presets, typed values, or dragging with the left mouse button: right widens, down raises
 * the level), the mask drawn over the image in a colour with an opacity, and the voxel's coordinates and
 * value under the mouse. A click without dragging moves the other planes to the clicked voxel.
 * Use from the UI thread.
 */
public final class SliceViewer {
    private final Composite control;
    private final Map<Plane, SlicePane> panes = new EnumMap<>(Plane.class);
    private final Combo preset;
    private final Text widthText;
    private final Text levelText;
    private final Button maskShown;
    private final Scale opacityScale;
    private final Label status;
    private final Label name;
    private Volume image;
    private Volume mask;
    private WindowLevel window = new WindowLevel(1, 0.5);
    private RGB overlay = new RGB(255, 40, 40);
    private int[] position = { 0, 0, 0 };
    private String hoverText = "";

    public SliceViewer(Composite parent) {
        control = new Composite(parent, SWT.NONE);
        control.setLayout(new GridLayout(1, false));
        name = new Label(control, SWT.NONE);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        name.setText("No volume: select one in Volumes or use Imaging > Open Volume File...");
        // the controls wrap onto a second line when the pane is narrow instead of being cut off
        Composite bar = new Composite(control, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        org.eclipse.swt.layout.RowLayout row = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.center = true;
        row.marginLeft = 0;
        bar.setLayout(row);
        new Label(bar, SWT.NONE).setText("Window:");
        preset = new Combo(bar, SWT.READ_ONLY);
        preset.setItems(WindowPreset.labels().toArray(String[]::new));
        preset.select(1);
        preset.addListener(SWT.Selection, e -> applyPreset(WindowPreset.values()[preset.getSelectionIndex()]));
        new Label(bar, SWT.NONE).setText("W");
        widthText = new Text(bar, SWT.BORDER);
        widthText.setLayoutData(new org.eclipse.swt.layout.RowData(64, SWT.DEFAULT));
        new Label(bar, SWT.NONE).setText("L");
        levelText = new Text(bar, SWT.BORDER);
        levelText.setLayoutData(new org.eclipse.swt.layout.RowData(64, SWT.DEFAULT));
        widthText.addListener(SWT.DefaultSelection, e -> typedWindow());
        levelText.addListener(SWT.DefaultSelection, e -> typedWindow());
        maskShown = new Button(bar, SWT.CHECK);
        maskShown.setText("Mask, opacity:");
        maskShown.setSelection(true);
        maskShown.addListener(SWT.Selection, e -> rebuild());
        opacityScale = new Scale(bar, SWT.HORIZONTAL);
        opacityScale.setMinimum(0);
        opacityScale.setMaximum(100);
        opacityScale.setSelection(45);
        opacityScale.setToolTipText("Mask opacity");
        opacityScale.setLayoutData(new org.eclipse.swt.layout.RowData(90, SWT.DEFAULT));
        opacityScale.addListener(SWT.Selection, e -> rebuild());
        Button colour = new Button(bar, SWT.PUSH);
        colour.setText("Colour...");
        colour.addListener(SWT.Selection, e -> {
            ColorDialog d = new ColorDialog(control.getShell());
            d.setRGB(overlay);
            RGB chosen = d.open();
            if (chosen != null) {
                setOverlayColour(chosen);
            }
        });
        Composite grid = new Composite(control, SWT.NONE);
        grid.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout three = new GridLayout(3, true);
        three.marginWidth = 0;
        grid.setLayout(three);
        for (Plane p : Plane.values()) {
            panes.put(p, new SlicePane(grid, this, p));
        }
        status = new Label(control, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        showWindow();
    }

    public Composite control() {
        return control;
    }

    /**
     * Shows a volume (and its mask, or null) at its centre with the chosen preset window.
     *
     * @throws IllegalArgumentException when the mask's grid differs from the image's
     */
    public void show(Volume volume, Volume regionMask, String title) {
        if (regionMask != null && !regionMask.sameGeometry(volume)) {
            throw new IllegalArgumentException(title + ": the mask's grid (" + dims(regionMask)
                    + ") differs from the image's (" + dims(volume) + ")");
        }
        image = volume;
        mask = regionMask;
        position = new int[] { volume.nx() / 2, volume.ny() / 2, volume.nz() / 2 };
        name.setText(title + "  " + dims(volume) + " voxels, " + String.format(Locale.ROOT, "%.3g x %.3g x %.3g mm",
                volume.spacing()[0], volume.spacing()[1], volume.spacing()[2]) + (mask == null ? "" : ", with mask"));
        maskShown.setEnabled(mask != null);
        // the last volume's voxel under the mouse says nothing about this one
        hoverText = "";
        status.setText("");
        window = WindowPreset.values()[Math.max(0, preset.getSelectionIndex())].of(volume);
        showWindow();
        rebuild();
        control.layout(true, true);
    }

    private static String dims(Volume v) {
        return v.nx() + " x " + v.ny() + " x " + v.nz();
    }

    public Volume image() {
        return image;
    }

    public Volume mask() {
        return mask;
    }

    /** The mask as drawn: null when hidden or absent. */
    Volume shownMask() {
        return maskShown.getSelection() ? mask : null;
    }

    public WindowLevel window() {
        return window;
    }

    public RGB overlayColour() {
        return overlay;
    }

    public double opacity() {
        return opacityScale.getSelection() / 100.0;
    }

    public void setOpacity(double opacity) {
        opacityScale.setSelection((int) Math.round(Math.max(0, Math.min(1, opacity)) * 100));
        rebuild();
    }

    public void setOverlayColour(RGB colour) {
        overlay = colour;
        rebuild();
    }

    public void setMaskShown(boolean shown) {
        maskShown.setSelection(shown);
        rebuild();
    }

    /** The voxel the three planes cross at: x, y, z. */
    public int[] position() {
        return position.clone();
    }

    public int slice(Plane p) {
        return position[p.axis()];
    }

    public void setSlice(Plane p, int index) {
        if (image == null) {
            return;
        }
        position[p.axis()] = Math.max(0, Math.min(p.slices(image) - 1, index));
        panes.get(p).rebuild();
        redrawAll();
    }

    /** Moves every plane to the voxel (a click in a pane). */
    public void moveTo(int[] xyz) {
        position = xyz.clone();
        rebuild();
    }

    public void setWindow(WindowLevel w) {
        window = w;
        showWindow();
        rebuild();
    }

    public void applyPreset(WindowPreset p) {
        preset.select(p.ordinal());
        if (image != null) {
            setWindow(p.of(image));
        }
    }

    /** The left mouse button dragged by (dx, dy) pixels in a pane. */
    void dragWindow(int dx, int dy) {
        if (image != null) {
            setWindow(window.dragged(dx, dy, image.max() - image.min()));
        }
    }

    /** The mouse is over a voxel of a pane (null: left the slice). */
    void hover(Plane p, int[] xyz) {
        if (xyz == null || image == null) {
            hoverText = "";
        } else {
            double v = image.value(xyz[0], xyz[1], xyz[2]);
            hoverText = String.format(Locale.ROOT, "%s  x %d  y %d  z %d   value %s%s", p.label(), xyz[0], xyz[1],
                    xyz[2], number(v), mask == null ? "" : "   mask " + number(mask.value(xyz[0], xyz[1], xyz[2])));
        }
        status.setText(hoverText);
    }

    /** What the status line says about the voxel under the mouse. */
    public String hoverText() {
        return hoverText;
    }

    /** Canvas, slider and picture of a plane, for tests and screenshots. */
    public org.eclipse.swt.widgets.Canvas canvas(Plane p) {
        return panes.get(p).canvas();
    }

    public Scale slider(Plane p) {
        return panes.get(p).slider();
    }

    public org.eclipse.swt.graphics.ImageData picture(Plane p) {
        return panes.get(p).imageData();
    }

    /** The canvas point over a pixel (column, row) of a plane's current slice. */
    public org.eclipse.swt.graphics.Point pointOf(Plane p, int column, int row) {
        return panes.get(p).pointOf(column, row);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private void typedWindow() {
        try {
            double w = Double.parseDouble(widthText.getText().trim());
            double l = Double.parseDouble(levelText.getText().trim());
            setWindow(new WindowLevel(w, l));
        } catch (NumberFormatException e) {
            status.setText("Window and level must be numbers: '" + widthText.getText() + "', '" + levelText.getText() + "'");
        }
    }

    private void showWindow() {
        widthText.setText(number(window.width()));
        levelText.setText(number(window.level()));
    }

    private void rebuild() {
        for (SlicePane p : panes.values()) {
            p.rebuild();
        }
    }

    private void redrawAll() {
        // the crosshairs of the other planes follow the moved slice
        for (SlicePane p : panes.values()) {
            p.canvas().redraw();
        }
    }
}
