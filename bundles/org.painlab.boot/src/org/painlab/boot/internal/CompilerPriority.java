package org.painlab.boot.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Runs when the framework starts (the activator of a framework extension, so before any bundle): when the
 * application is the PainLab workbench, lowers the scheduling priority of the JVM's JIT compiler threads to
 * {@value #DEFAULT_NICE} (Linux only).
 * <p>
 * Why: on a two-core machine the compilers take one core and a half for the first seconds of a cold start (Felix's
 * resolver alone costs C2 half a second of compiling), so the threads that resolve the bundles, read the extension
 * registry and build the first window got about 60% of a core. At a lower priority the compilers use what those
 * threads leave; the window paints about 0.25 s sooner (docs/plugin-developer-guide.md, "The JIT compilers
 * yield"). Android's runtime runs its JIT thread below the UI thread for the same reason. Linux does not let an
 * unprivileged process raise the priority again, so it stays lower for the session: where application threads keep
 * every core busy, code reaches its fully optimised form later (a 1.8 s computation run twice at once on two cores
 * took 2.2 s). The command line ({@code org.painlab.cli.app}) is left as it is.
 * <p>
 * The framework property {@value #NICE_PROPERTY} sets the nice value (1-19); 0 leaves the compilers alone.
 */
public final class CompilerPriority implements BundleActivator {
    /** Framework property: the JIT compiler threads' nice value in the workbench, 0 (unchanged) to 19. */
    public static final String NICE_PROPERTY = "painlab.startup.compilerNice";
    static final int DEFAULT_NICE = 10;
    static final String WORKBENCH_APPLICATION = "org.painlab.core.ui.application";
    /** HotSpot's compiler threads ("C1 CompilerThread0", ...) as the kernel names them (15 characters). */
    static final Pattern COMPILER_THREADS = Pattern.compile("(C1|C2|JVMCI) CompilerThre.*");

    @Override
    public void start(BundleContext context) {
        int nice = niceFor(context.getProperty("eclipse.application"), context.getProperty(NICE_PROPERTY));
        if (nice == 0 || !ThreadNice.supported()) {
            return;
        }
        // renice is a process of its own: started from a thread of its own, the framework's start does not wait
        Thread lower = new Thread(() -> lower(nice), "PainLab compiler priority");
        lower.setDaemon(true);
        lower.start();
    }

    @Override
    public void stop(BundleContext context) {
        // a thread's priority cannot be raised again
    }

    /** The nice value for {@code application} given the property's value; 0 when nothing is to change. */
    static int niceFor(String application, String configured) {
        if (!WORKBENCH_APPLICATION.equals(application)) {
            return 0;
        }
        if (configured == null || configured.isBlank()) {
            return DEFAULT_NICE;
        }
        try {
            int nice = Integer.parseInt(configured.strip());
            if (nice >= 0 && nice <= 19) {
                return nice;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("PainLab: " + NICE_PROPERTY + "=" + configured
                + " is not a nice value from 0 to 19; the JIT compilers keep their priority");
        return 0;
    }

    private static void lower(int nice) {
        try {
            List<Long> compilers = new ArrayList<>();
            for (long tid : ThreadNice.threads(COMPILER_THREADS)) {
                // started from a shell that is itself niced further, a compiler already yields: leave it
                if (ThreadNice.nice(tid) < nice) {
                    compilers.add(tid);
                }
            }
            ThreadNice.lower(compilers, nice);
        } catch (Exception e) {
            // only the start is slower: say so once, on the console the workbench was started from
            System.err.println("PainLab: could not lower the JIT compilers' priority: " + e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
