package org.painlab.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Debug-only check that no front end touches a study's database on its UI thread, where a
 * slow query freezes the workbench. Off unless system property {@value #PROPERTY} is
 * {@code log} (the call is logged with its stack) or {@code fail} (the call is refused with
 * an {@link IllegalStateException}). Core knows no widget toolkit: a front end registers a
 * {@link UiThread} OSGi service that tells whether the current thread is its UI thread.
 *
 * @since 0.1
 */
public final class UiThreadGuard {
    /** The system property that turns the guard on: {@code log} or {@code fail}. */
    public static final String PROPERTY = "painlab.guard.uiThreadDb";
    private static final String MESSAGE = "study database used on the UI thread";

    /**
     * What a front end registers (as an OSGi service) so the guard can tell its UI thread.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface UiThread {
        /** True when the calling thread is this front end's UI thread. */
        boolean isCurrent();
    }

    private UiThreadGuard() {
    }

    /**
     * Checks the calling thread before database work on the study in {@code folder}; a no-op
     * when the guard is off or no front end is running.
     */
    public static void check(Path folder) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null || mode.isBlank() || "off".equals(mode) || !onUiThread()) {
            return;
        }
        String message = MESSAGE + " (" + folder
                + "): read or write it in a job (see docs/plugin-developer-guide.md, 'No database work on the UI thread')";
        if ("fail".equals(mode)) {
            throw new IllegalStateException(message);
        }
        ILog.of(UiThreadGuard.class).log(new Status(IStatus.WARNING, "org.painlab.core", message, new Throwable("called from")));
    }

    private static boolean onUiThread() {
        Bundle bundle = FrameworkUtil.getBundle(UiThreadGuard.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return false;
        }
        Collection<ServiceReference<UiThread>> refs;
        try {
            refs = context.getServiceReferences(UiThread.class, null);
        } catch (InvalidSyntaxException e) {
            // a null filter cannot be malformed
            return false;
        }
        for (ServiceReference<UiThread> ref : refs) {
            UiThread ui = context.getService(ref);
            try {
                if (ui != null && ui.isCurrent()) {
                    return true;
                }
            } finally {
                context.ungetService(ref);
            }
        }
        return false;
    }

    /**
     * Starts recording the calls the guard logs, for a UI test that asserts a view or an action does
     * no database work on its UI thread. The test runtime must set {@value #PROPERTY} to {@code log}.
     *
     * @throws IllegalStateException when the guard is not in {@code log} mode (nothing would be recorded)
     * @since 0.1
     */
    public static Recording record() {
        if (!"log".equals(System.getProperty(PROPERTY))) {
            throw new IllegalStateException("run the UI tests with -D" + PROPERTY + "=log (see the test bundle's pom)");
        }
        return new Recording();
    }

    /**
     * The guard's logged calls since {@link UiThreadGuard#record()}, each with the stack it was called from;
     * close it when the test is done.
     *
     * @since 0.1
     */
    public static final class Recording implements AutoCloseable {
        private final List<IStatus> logged = new ArrayList<>();
        private final ILogListener listener = (status, plugin) -> {
            if (status.getMessage() != null && status.getMessage().startsWith(MESSAGE)) {
                synchronized (logged) {
                    logged.add(status);
                }
            }
        };

        private Recording() {
            Platform.addLogListener(listener);
        }

        /** The stacks (25 frames) of the recorded calls that passed through class {@code simpleName} or its nested classes. */
        public List<String> through(String simpleName) {
            synchronized (logged) {
                return logged.stream().map(IStatus::getException)
                        .filter(e -> e != null && Arrays.stream(e.getStackTrace()).map(StackTraceElement::getClassName)
                                .anyMatch(c -> c.endsWith("." + simpleName) || c.contains("." + simpleName + "$")))
                        .map(Recording::stack).toList();
            }
        }

        /** The stacks (25 frames) of all recorded calls. */
        public List<String> all() {
            synchronized (logged) {
                return logged.stream().map(IStatus::getException).filter(e -> e != null).map(Recording::stack).toList();
            }
        }

        private static String stack(Throwable e) {
            StringBuilder out = new StringBuilder();
            Arrays.stream(e.getStackTrace()).limit(25).forEach(f -> out.append("\n  at ").append(f));
            return out.toString();
        }

        @Override
        public void close() {
            Platform.removeLogListener(listener);
        }
    }
}
