package org.painlab.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The list of classes the first window loads (loaded on another core at start-up) is the workbench's:
 * nearly all of them are found in the installed bundles (a target-platform update that changes them
 * needs {@code releng/bench/first-window-classes.sh} again), and the loading thread ran in this workbench.
 */
class FirstWindowClassesTest {

    @Test
    void theListedClassesAreTheInstalledWorkbenchsAndWereLoaded() throws Exception {
        List<String[]> lines = FirstWindowClasses.lines();
        assertTrue(lines.size() > 1500, "the list holds the first window's classes: " + lines.size());
        Bundle own = FrameworkUtil.getBundle(FirstWindowClasses.class);
        Map<String, Bundle> bySymbolicName = new HashMap<>();
        for (Bundle b : own.getBundleContext().getBundles()) {
            bySymbolicName.putIfAbsent(b.getSymbolicName(), b);
        }
        List<String> missing = new ArrayList<>();
        for (String[] line : lines) {
            try {
                if (FirstWindowClasses.JDK.equals(line[0])) {
                    Class.forName(line[1], false, ClassLoader.getSystemClassLoader());
                    continue;
                }
                Bundle b = bySymbolicName.get(line[0]);
                if (b == null) {
                    missing.add(line[0] + " (bundle) " + line[1]);
                    continue;
                }
                var hosts = b.adapt(BundleWiring.class).getRequiredWires(HostNamespace.HOST_NAMESPACE);
                Bundle loader = hosts == null || hosts.isEmpty() ? b : hosts.get(0).getProvider().getBundle();
                loader.loadClass(line[1]);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(line[0] + " " + line[1]);
            }
        }
        assertTrue(missing.size() * 20 < lines.size(),
                missing.size() + " of " + lines.size() + " listed classes not found: run releng/bench/first-window-classes.sh; " + missing.subList(0, Math.min(20, missing.size())));

        FirstWindowClasses loading = FirstWindowClasses.of(Display.getCurrent())
                .orElseThrow(() -> new AssertionError("the workbench's display holds its first-window loading"));
        long end = System.currentTimeMillis() + 20_000;
        while (loading.lastLoaded() < 0 && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertTrue(loading.lastLoaded() > lines.size() / 2,
                "the loading thread ran at this workbench's start and loaded most of the list: " + loading.lastLoaded());
    }
}
