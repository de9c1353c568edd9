package org.painlab.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.painlab.core.internal.OnDemandExtenders;

/** The extenders a starting bundle needs: followed through wires, without what the command line itself needs. */
class OnDemandExtendersTest {
    private static BundleContext context() {
        Bundle cli = FrameworkUtil.getBundle(OnDemandExtenders.class);
        assertNotNull(cli, "the test runs in OSGi");
        return cli.getBundleContext();
    }

    private static Bundle bundle(String symbolicName) {
        return Arrays.stream(context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not in the test runtime"));
    }

    @Test
    void aBundleWithDeclarativeServicesNeedsFelixScrOnce() {
        // core.contenttype declares its content type manager as a DS component and requires the osgi.component extender
        OnDemandExtenders extenders = new OnDemandExtenders(context().getBundle(0));
        Set<Bundle> needed = extenders.neededBy(bundle("org.eclipse.core.contenttype"));
        assertTrue(needed.contains(bundle("org.apache.felix.scr")), needed.toString());
        // each bundle is followed once: one that contenttype requires asks for nothing more
        assertEquals(Set.of(), extenders.neededBy(bundle("org.eclipse.equinox.registry")));
    }

    @Test
    void whatTheCommandLineNeedsIsLeftToTheLauncherConfiguration() {
        // contenttype is reached through org.eclipse.core.runtime, which the command line requires
        OnDemandExtenders extenders = new OnDemandExtenders(bundle("org.painlab.cli"));
        assertEquals(Set.of(), extenders.neededBy(bundle("org.eclipse.core.contenttype")));
        assertEquals(Set.of(), extenders.neededBy(bundle("org.painlab.core")));
    }
}
