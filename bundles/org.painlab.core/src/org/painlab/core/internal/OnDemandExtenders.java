package org.painlab.core.internal;

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
 * bundle needs it. Started, an extender reads every installed bundle: SPI Fly took a third of a short
 * headless command's time and 0.2 s of the workbench's start-up on a two-core machine, before anything
 * needed it. When a bundle starts (an area's bundles start lazily, on their first class), the bundles it
 * needs are followed through their mandatory wires; an extender one of them requires is started before
 * any of their classes run, and so are the service providers such a bundle requires (slf4j's provider,
 * which SPI Fly registers only while it is active). The headless command line listens for bundles
 * starting; the workbench starts what its bundles need once its first window has painted, and its grid
 * before it creates NatTable, which logs through slf4j.
 */
public final class OnDemandExtenders implements SynchronousBundleListener {
    private static final String EXTENDER_NAMESPACE = "osgi.extender";
    private static final String SERVICE_LOADER_NAMESPACE = "osgi.serviceloader";
    /** Held while {@link #startNeededByAll} starts bundles, so that a second caller finds them started. */
    private static final Object STARTING = new Object();
    private final Set<BundleWiring> followed = new HashSet<>();

    /** Follows every bundle: nothing is taken as already provided for. */
    public OnDemandExtenders() {
    }

    /**
     * @param provided a bundle whose needs are met by the launch configuration (the bundle running the
     *        command line): it and what it requires are not followed
     */
    public OnDemandExtenders(Bundle provided) {
        synchronized (followed) {
            collect(provided.adapt(BundleWiring.class), new LinkedHashSet<>(), new LinkedHashSet<>());
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STARTING) {
            startNeededBy(event.getBundle());
        }
    }

    /**
     * Starts (transiently) the extenders and service providers {@code bundle} needs that are not started yet,
     * extenders first; a bundle that cannot start is logged and skipped.
     */
    public void startNeededBy(Bundle bundle) {
        for (Bundle needed : neededBy(bundle)) {
            int state = needed.getState();
            if (state == Bundle.ACTIVE || state == Bundle.STARTING) {
                continue;
            }
            try {
                needed.start(Bundle.START_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                ILog.of(OnDemandExtenders.class).warn("cannot start " + needed.getSymbolicName() + ", which "
                        + bundle.getSymbolicName() + " needs: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Starts what {@code bundles} need, following each through its mandatory wires, one caller at a time:
     * a caller that comes while another is starting an extender waits for it, and then finds it started
     * (a bundle that another thread is starting only shows as starting).
     */
    public static void startNeededByAll(Iterable<Bundle> bundles) {
        synchronized (STARTING) {
            OnDemandExtenders extenders = new OnDemandExtenders();
            for (Bundle bundle : bundles) {
                int state = bundle.getState();
                if (state != Bundle.INSTALLED && state != Bundle.UNINSTALLED) {
                    extenders.startNeededBy(bundle);
                }
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
