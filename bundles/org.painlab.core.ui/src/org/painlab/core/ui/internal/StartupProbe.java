package org.painlab.core.ui.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.painlab.core.ui.ScreenCapture;

/**
 * For the start-up benchmark only: when {@code -Dpainlab.startupProbe=FILE} is set, writes
 * the wall-clock time (ms since the epoch) once the first window has been painted, then
 * closes the workbench. The async runnable runs after SWT has dispatched the pending
 * paint events of the newly opened window.
 * <p>
 * It also writes {@code FILE.ui}: the UI thread's share of the start, from the workbench
 * advisor's {@code preStartup} (before the first window is made) and from the window
 * advisor's {@code preWindowOpen} to the first paint, each as wall and UI-thread CPU
 * milliseconds ({@code preStartup: wall W cpu C} and {@code preWindowOpen: wall W cpu C}, one
 * a line). The CPU time does not count the time the thread waited for a core, so it moves
 * less than the wall time on a shared machine. With {@code -Dpainlab.startupProbe.shot=PNG} it also
 * saves the window as painted then (after the times are taken), to compare first frames.
 */
final class StartupProbe {
    private static final String FILE = System.getProperty("painlab.startupProbe");
    /** Keys of the display's data under which the marks are kept until the first paint. */
    private static final String PRE_STARTUP = StartupProbe.class.getName() + ".preStartup";
    private static final String PRE_WINDOW_OPEN = StartupProbe.class.getName() + ".preWindowOpen";

    private StartupProbe() {
    }

    private static boolean on() {
        return FILE != null && !FILE.isBlank();
    }

    /** Marks the workbench's {@code preStartup}; UI thread. */
    static void preStartup(Display display) {
        if (on()) {
            display.setData(PRE_STARTUP, now());
        }
    }

    /** Marks the window advisor's {@code preWindowOpen}; UI thread. */
    static void preWindowOpen(Display display) {
        if (on() && display.getData(PRE_WINDOW_OPEN) == null) {
            display.setData(PRE_WINDOW_OPEN, now());
        }
    }

    private static long[] now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return new long[] { System.nanoTime(), threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1 };
    }

    static void afterWindowOpen(IWorkbench workbench) {
        if (!on()) {
            return;
        }
        Display display = workbench.getDisplay();
        display.asyncExec(() -> {
            display.update();
            long[] painted = now();
            try {
                Files.writeString(Path.of(FILE), Long.toString(System.currentTimeMillis()));
                Files.writeString(Path.of(FILE + ".ui"), since("preStartup", mark(display, PRE_STARTUP), painted)
                        + since("preWindowOpen", mark(display, PRE_WINDOW_OPEN), painted));
                String shot = System.getProperty("painlab.startupProbe.shot");
                if (shot != null && !shot.isBlank() && workbench.getActiveWorkbenchWindow() != null) {
                    ScreenCapture.save(workbench.getActiveWorkbenchWindow().getShell(), Path.of(shot));
                }
            } catch (IOException e) {
                System.err.println("startup probe: cannot write " + FILE + ": " + e.getMessage());
            }
            workbench.close();
        });
    }

    private static long[] mark(Display display, String key) {
        return display.getData(key) instanceof long[] m ? m : null;
    }

    private static String since(String mark, long[] from, long[] to) {
        if (from == null) {
            return mark + ": none\n";
        }
        return mark + ": wall " + (to[0] - from[0]) / 1_000_000 + " cpu " + (from[1] < 0 ? -1 : (to[1] - from[1]) / 1_000_000) + "\n";
    }
}
