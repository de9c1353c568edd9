package org.painlab.cli.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Starts an extender (Felix SCR for declarative services, SPI Fly for the service loader) only when a
 * bundle that starts during a headless call needs it. The headless configuration installs extenders
 * without starting them: started, they read every installed bundle (a third of a short command's time),
 * and most commands reach no bundle that needs them. When a bundle starts (an area's bundles start
 * lazily, on their first class), the bundles it needs are followed through their mandatory wires; an
 * extender one of them requires is started before any of their classes run, and so are the service
 * providers such a bundle requires (slf4j's provider, which SPI Fly registers only while it is active).
 * What the command line itself needs is the launcher configuration's business and is not followed.
 */
public final class OnDemandExtenders implements SynchronousBundleListener {
    private static final String EXTENDER_NAMESPACE = "osgi.extender";
    private static final String SERVICE_LOADER_NAMESPACE = "osgi.serviceloader";
    private final Set<BundleWiring> followed = new HashSet<>();

    /** @param commandLine the bundle running the command line, whose own needs are already met */
    public OnDemandExtenders(Bundle commandLine) {
        synchronized (followed) {
            collect(commandLine.adapt(BundleWiring.class), new LinkedHashSet<>(), new LinkedHashSet<>());
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() != BundleEvent.STARTING) {
            return;
        }
        for (Bundle needed : neededBy(event.getBundle())) {
            int state = needed.getState();
            if (state == Bundle.ACTIVE || state == Bundle.STARTING) {
                continue;
            }
            try {
                needed.start(Bundle.START_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                ILog.of(OnDemandExtenders.class).warn("cannot start " + needed.getSymbolicName() + ", which "
                        + event.getBundle().getSymbolicName() + " needs: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The extenders and service providers {@code bundle} needs, through its mandatory wires, that were not
     * found for an earlier bundle: extenders first, so that a provider starts where its extender sees it.
     */
    public Set<Bundle> neededBy(Bundle bundle) {
        Set<Bundle> extenders = new LinkedHashSet<>();
        Set<Bundle> providers = new LinkedHashSet<>();
        synchronized (followed) {
            collect(bundle.adapt(BundleWiring.class), extenders, providers);
        }
        extenders.addAll(providers);
        return extenders;
    }

    private void collect(BundleWiring start, Set<Bundle> extenders, Set<Bundle> providers) {
        if (start == null) {
            return;
        }
        Deque<BundleWiring> todo = new ArrayDeque<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            BundleWiring wiring = todo.pop();
            if (!followed.add(wiring)) {
                continue;
            }
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                String namespace = wire.getRequirement().getNamespace();
                BundleWiring provider = wire.getProviderWiring();
                if (provider == null) {
                    continue;
                }
                if (EXTENDER_NAMESPACE.equals(namespace)) {
                    extenders.add(provider.getBundle());
                    todo.push(provider);
                } else if (SERVICE_LOADER_NAMESPACE.equals(namespace)) {
                    providers.add(provider.getBundle());
                    todo.push(provider);
                } else if (!optional(wire.getRequirement().getDirectives())) {
                    todo.push(provider);
                }
            }
        }
    }

    private static boolean optional(Map<String, String> directives) {
        return "optional".equals(directives.get("resolution"));
    }
}
