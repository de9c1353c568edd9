package org.painlab.core.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Saves what the screen shows as a PNG: a window, or the whole display (to catch menus and
 * dialogs above it). For UI tests of PainLab and of plugins, whose screenshots a person looks at,
 * and for "export as picture" of views. Call it on the UI thread.
 *
 * @since 0.1
 */
public final class ScreenCapture {
    private ScreenCapture() {
    }

    /**
     * @param shell a window
     * @param out the PNG file (its folder is created)
     * @return the pixels saved
     * @throws IOException if the folder cannot be created
     */
    public static ImageData save(Shell shell, Path out) throws IOException {
        return save(shell.getDisplay(), shell.getBounds(), out);
    }

    /**
     * @param display the display
     * @param area the area of the screen, in display coordinates (e.g. {@code display.getBounds()})
     * @param out the PNG file (its folder is created)
     * @return the pixels saved
     * @throws IOException if the folder cannot be created
     */
    public static ImageData save(Display display, Rectangle area, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, area.x, area.y);
        } finally {
            gc.dispose();
        }
        ImageData data = image.getImageData();
        image.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        loader.save(out.toString(), SWT.IMAGE_PNG);
        return data;
    }
}
