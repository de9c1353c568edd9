package org.painlab.core.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Loads, on a thread of its own, the classes the UI thread loads from the workbench's bundles between
 * the application's start and the first window's first paint, so that the UI thread finds most of them
 * defined when it builds the window: on a two-core machine the other core is otherwise idle then. The
 * list ({@value #LIST}: one {@code bundle class} a line, {@value #JDK} for the JDK's, in the order the UI
 * thread loaded them) is recorded from {@code -Xlog:class+load} of a start of the product by
 * {@code releng/bench/first-window-classes.sh}.
 * <p>
 * Classes are loaded, not initialised: no static initialiser runs here. Loading a class of a lazily
 * activated bundle would start the bundle on this thread, so the thread waits at a class of a bundle
 * that is not active yet until the UI thread has started it, as it always did; since the list is in the
 * UI thread's order, the bundles of a class's supertypes (loaded before it) are active by then too. Stops
 * at the first paint ({@link #stop()}) or after 20 seconds; a class that is not there (another version of
 * a bundle) is skipped. {@code -Dpainlab.firstWindowClasses=false} switches it off.
 */
final class FirstWindowClasses implements Runnable {
    static final String LIST = "first-window-classes.txt";
    /** The "bundle" of the JDK's classes in the list. */
    static final String JDK = "jrt";
    /** The key under which the workbench's display holds the loading started for it. */
    static final String KEY = FirstWindowClasses.class.getName();
    private static final long LIMIT_NANOS = 20_000_000_000L;
    private volatile boolean stop;
    private volatile Thread thread;
    private int loaded;
    private int missing;
    private volatile String waitingFor;
    private volatile int lastLoaded = -1;

    private FirstWindowClasses() {
    }

    /**
     * Starts the loading thread, unless switched off ({@code -Dpainlab.firstWindowClasses=false}); before the
     * display exists, so that the thread also runs while the display is made. Hand the result to the display
     * with {@link #heldBy}.
     */
    static FirstWindowClasses start() {
        FirstWindowClasses loading = new FirstWindowClasses();
        if (Boolean.parseBoolean(System.getProperty("painlab.firstWindowClasses", "true"))) {
            Thread t = new Thread(loading, "PainLab first-window classes");
            t.setDaemon(true);
            loading.thread = t;
            t.start();
        }
        return loading;
    }

    /** Lets {@code display} hold this loading, for {@link #of} (the window advisor's stop, tests). */
    void heldBy(Display display) {
        display.setData(KEY, this);
    }

    /** The loading started for {@code display}'s workbench, if any. */
    static Optional<FirstWindowClasses> of(Display display) {
        return display.getData(KEY) instanceof FirstWindowClasses f ? Optional.of(f) : Optional.empty();
    }

    /** Stops the loading (the first window has painted). */
    void stop() {
        stop = true;
        if (Boolean.getBoolean("painlab.firstWindowClasses.debug")) {
            System.err.println("first-window classes: first paint; loading thread " + (thread != null && thread.isAlive() ? "at " + waitingFor : "done"));
        }
    }

    @Override
    public void run() {
        Bundle own = FrameworkUtil.getBundle(FirstWindowClasses.class);
        BundleContext context = own == null ? null : own.getBundleContext();
        if (context == null) {
            return;
        }
        Map<String, Bundle> bySymbolicName = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            bySymbolicName.putIfAbsent(b.getSymbolicName(), b);
        }
        long started = System.nanoTime();
        long end = started + LIMIT_NANOS;
        Map<Bundle, Bundle> loaders = new HashMap<>();
        for (String[] line : lines()) {
            if (stop || System.nanoTime() > end) {
                break;
            }
            if (JDK.equals(line[0])) {
                try {
                    // the JDK's own (not in its class-data archive): no bundle to wait for
                    Class.forName(line[1], false, ClassLoader.getSystemClassLoader());
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    missing++;
                }
                continue;
            }
            Bundle b = bySymbolicName.get(line[0]);
            Bundle loader = b == null ? null : loaders.computeIfAbsent(b, FirstWindowClasses::loaderOf);
            waitingFor = line[0];
            if (loader == null || !ready(loader, end)) {
                missing++;
                continue;
            }
            try {
                loader.loadClass(line[1]);
                loaded++;
            } catch (ClassNotFoundException | LinkageError | IllegalStateException e) {
                missing++;
            }
        }
        waitingFor = null;
        lastLoaded = loaded;
        if (Boolean.getBoolean("painlab.firstWindowClasses.debug")) {
            System.err.println("first-window classes: loaded " + loaded + ", missing " + missing + (stop ? ", stopped at the first paint" : ", list done")
                    + " after " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    /** The bundle whose class loader defines a bundle's classes: its host for a fragment (SWT's natives). */
    private static Bundle loaderOf(Bundle b) {
        if (b.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
            return b;
        }
        BundleWiring wiring = b.adapt(BundleWiring.class);
        if (wiring == null) {
            return null;
        }
        List<BundleWire> hosts = wiring.getRequiredWires(HostNamespace.HOST_NAMESPACE);
        return hosts == null || hosts.isEmpty() ? null : hosts.get(0).getProvider().getBundle();
    }

    /**
     * True when loading a class of {@code b} starts nothing: it is active, or resolved without lazy
     * activation. A lazily activated bundle is waited for until the UI thread has started it.
     */
    private boolean ready(Bundle b, long end) {
        while (!stop && System.nanoTime() < end) {
            int state = b.getState();
            if (state == Bundle.ACTIVE) {
                return true;
            }
            if (state == Bundle.RESOLVED && b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY) == null) {
                return true;
            }
            if (state != Bundle.STARTING && state != Bundle.RESOLVED) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Classes the run loaded; -1 while it runs or if none ran. */
    int lastLoaded() {
        return lastLoaded;
    }

    /** The list: bundle (or {@value #JDK}) and class name. */
    static List<String[]> lines() {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = FirstWindowClasses.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    out.add(new String[] { line.substring(0, space), line.substring(space + 1).trim() });
                }
            }
        } catch (IOException e) {
            // part of this bundle: without it the UI thread loads the classes itself, as it always did
        }
        return out;
    }
}
