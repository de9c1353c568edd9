package org.painlab.core.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;

/**
 * For the start-up benchmark only: when {@code -Dpainlab.startupProbe=FILE} is set, writes
 * the wall-clock time (ms since the epoch) once the first window has been painted, then
 * closes the workbench. The async runnable runs after SWT has dispatched the pending
 * paint events of the newly opened window.
 */
final class StartupProbe {
    private StartupProbe() {
    }

    static void afterWindowOpen(IWorkbench workbench) {
        String file = System.getProperty("painlab.startupProbe");
        if (file == null || file.isBlank()) {
            return;
        }
        Display display = workbench.getDisplay();
        display.asyncExec(() -> {
            display.update();
            try {
                Files.writeString(Path.of(file), Long.toString(System.currentTimeMillis()));
            } catch (IOException e) {
                System.err.println("startup probe: cannot write " + file + ": " + e.getMessage());
            }
            workbench.close();
        });
    }
}
