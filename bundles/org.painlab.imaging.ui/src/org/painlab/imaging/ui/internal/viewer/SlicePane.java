package org.painlab.imaging.ui.internal.viewer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;

/**
 * One plane of the {@link SliceViewer}: its title, the slice drawn to fit with the voxels' physical aspect,
 * a crosshair at the viewer's position, and a slider over the slices. The picture is built when the slice,
 * window or overlay changes, never per paint.
 */
final class SlicePane {
    private final SliceViewer viewer;
    private final Plane plane;
    private final Label title;
    private final Canvas canvas;
    private final Scale slider;
    private Image image;
    private ImageData data;
    /** Where the slice was last drawn: x, y, width, height in canvas pixels. */
    private Rectangle drawn = new Rectangle(0, 0, 0, 0);
    private int downX;
    private int downY;
    private int lastX;
    private int lastY;
    private boolean dragging;

    SlicePane(Composite parent, SliceViewer viewer, Plane plane) {
        this.viewer = viewer;
        this.plane = plane;
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        c.setLayout(layout);
        title = new Label(c, SWT.NONE);
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        title.setText(plane.label());
        canvas = new Canvas(c, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addDisposeListener(e -> disposeImage());
        canvas.addMouseMoveListener(e -> {
            if (dragging) {
                viewer.dragWindow(e.x - lastX, e.y - lastY);
                lastX = e.x;
                lastY = e.y;
            }
            viewer.hover(plane, voxelAt(e.x, e.y));
        });
        canvas.addMouseListener(new org.eclipse.swt.events.MouseAdapter() {
            @Override
            public void mouseDown(org.eclipse.swt.events.MouseEvent e) {
                if (e.button == 1) {
                    dragging = true;
                    downX = lastX = e.x;
                    downY = lastY = e.y;
                }
            }

            @Override
            public void mouseUp(org.eclipse.swt.events.MouseEvent e) {
                if (e.button == 1) {
                    dragging = false;
                    // a click (no drag) moves the other planes to the voxel under the mouse
                    if (Math.abs(e.x - downX) + Math.abs(e.y - downY) < 3) {
                        int[] v = voxelAt(e.x, e.y);
                        if (v != null) {
                            viewer.moveTo(v);
                        }
                    }
                }
            }
        });
        canvas.addListener(SWT.MouseExit, e -> viewer.hover(plane, null));
        slider = new Scale(c, SWT.HORIZONTAL);
        slider.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        slider.addListener(SWT.Selection, e -> viewer.setSlice(plane, slider.getSelection()));
        slider.setEnabled(false);
    }

    Plane plane() {
        return plane;
    }

    Canvas canvas() {
        return canvas;
    }

    Scale slider() {
        return slider;
    }

    /** The picture of the current slice (null before a volume is shown). */
    ImageData imageData() {
        return data;
    }

    /** The slider's range and position follow the volume and the viewer's position. */
    void sync() {
        int n = viewer.image() == null ? 1 : plane.slices(viewer.image());
        int s = viewer.slice(plane);
        slider.setEnabled(viewer.image() != null && n > 1);
        slider.setMaximum(Math.max(1, n - 1));
        slider.setMinimum(0);
        slider.setPageIncrement(Math.max(1, n / 10));
        slider.setSelection(s);
        title.setText(viewer.image() == null ? plane.label() : plane.label() + "  " + (s + 1) + " / " + n);
    }

    /** Rebuilds the picture from the voxels (slice, window or overlay changed). */
    void rebuild() {
        disposeImage();
        if (viewer.image() != null) {
            data = SliceImages.slice(viewer.image(), viewer.shownMask(), plane, viewer.slice(plane), viewer.window(),
                    viewer.overlayColour(), viewer.opacity());
            image = new Image(canvas.getDisplay(), data);
        } else {
            data = null;
        }
        sync();
        canvas.redraw();
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.fillRectangle(area);
        if (image == null) {
            return;
        }
        double[] px = plane.pixelSize(viewer.image());
        double wmm = data.width * px[0];
        double hmm = data.height * px[1];
        double scale = Math.min(area.width / wmm, area.height / hmm);
        int w = Math.max(1, (int) Math.round(wmm * scale));
        int h = Math.max(1, (int) Math.round(hmm * scale));
        drawn = new Rectangle((area.width - w) / 2, (area.height - h) / 2, w, h);
        gc.setInterpolation(SWT.NONE);
        gc.drawImage(image, 0, 0, data.width, data.height, drawn.x, drawn.y, w, h);
        int[] p = viewer.position();
        int col = p[plane.columnAxis()];
        int row = plane == Plane.AXIAL ? p[1] : viewer.image().nz() - 1 - p[2];
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_YELLOW));
        gc.setAlpha(120);
        int cx = drawn.x + (int) ((col + 0.5) * w / data.width);
        int cy = drawn.y + (int) ((row + 0.5) * h / data.height);
        gc.drawLine(cx, drawn.y, cx, drawn.y + h);
        gc.drawLine(drawn.x, cy, drawn.x + w, cy);
        gc.setAlpha(255);
    }

    /** The voxel under a canvas point, or null outside the slice. */
    int[] voxelAt(int x, int y) {
        if (viewer.image() == null || data == null || drawn.width == 0 || !drawn.contains(x, y)) {
            return null;
        }
        int col = Math.min(data.width - 1, (x - drawn.x) * data.width / drawn.width);
        int row = Math.min(data.height - 1, (y - drawn.y) * data.height / drawn.height);
        return plane.voxel(viewer.image(), viewer.slice(plane), col, row);
    }

    /** The canvas point at the centre of a voxel of this slice (tests move the mouse there). */
    org.eclipse.swt.graphics.Point pointOf(int column, int row) {
        return new org.eclipse.swt.graphics.Point(drawn.x + (int) ((column + 0.5) * drawn.width / data.width),
                drawn.y + (int) ((row + 0.5) * drawn.height / data.height));
    }
}
