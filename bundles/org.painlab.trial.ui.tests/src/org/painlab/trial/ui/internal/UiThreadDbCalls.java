package org.painlab.trial.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.painlab.core.UiThreadGuard;

/**
 * Records the calls core's {@link UiThreadGuard} logs (the UI test runs set it to {@code log})
 * while a test acts, so the test can assert that a view did no database work on the UI thread.
 */
final class UiThreadDbCalls implements AutoCloseable {
    private final List<IStatus> logged = new ArrayList<>();
    private final ILogListener listener = (status, plugin) -> {
        if (status.getMessage() != null && status.getMessage().startsWith("study database used on the UI thread")) {
            synchronized (logged) {
                logged.add(status);
            }
        }
    };

    UiThreadDbCalls() {
        if (!"log".equals(System.getProperty(UiThreadGuard.PROPERTY))) {
            throw new IllegalStateException("the UI tests run with -D" + UiThreadGuard.PROPERTY + "=log (see the pom)");
        }
        Platform.addLogListener(listener);
    }

    /** The stacks of logged calls that passed through class {@code simpleName} (or its nested classes). */
    List<String> from(String simpleName) {
        synchronized (logged) {
            return logged.stream().map(IStatus::getException)
                    .filter(e -> e != null && Arrays.stream(e.getStackTrace()).map(StackTraceElement::getClassName)
                            .anyMatch(c -> c.endsWith("." + simpleName) || c.contains("." + simpleName + "$")))
                    .map(e -> Arrays.stream(e.getStackTrace()).limit(25).map(String::valueOf).reduce("", (a, b) -> a + "\n  at " + b))
                    .toList();
        }
    }

    @Override
    public void close() {
        Platform.removeLogListener(listener);
    }
}
