package org.painlab.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.painlab.core.ui.grid.ColumnSpec;
import org.painlab.core.ui.grid.DataGrid;

/**
 * SPI Fly and slf4j's provider are not started at boot (this test runtime starts them as the product does:
 * not at all): the workbench starts them once its first window has painted, and a grid built before that
 * starts them itself, before NatTable's first logger.
 */
class ExtendersAfterFirstPaintTest {
    private static final String SPI_FLY = "org.apache.aries.spifly.dynamic.bundle";
    private static final String SLF4J_PROVIDER = "slf4j.simple";
    private static final String PROVIDER_SERVICE = "org.slf4j.spi.SLF4JServiceProvider";

    private static BundleContext context() {
        return FrameworkUtil.getBundle(StartExtendersJob.class).getBundleContext();
    }

    private static Bundle bundle(String symbolicName) {
        return Arrays.stream(context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not in the test runtime"));
    }

    /** As at boot: neither started, so no provider registered. */
    private static void stopBoth() throws BundleException {
        bundle(SLF4J_PROVIDER).stop(Bundle.STOP_TRANSIENT);
        bundle(SPI_FLY).stop(Bundle.STOP_TRANSIENT);
        assertEquals(Bundle.RESOLVED, bundle(SPI_FLY).getState());
        assertEquals(null, context().getServiceReference(PROVIDER_SERVICE), "no provider while SPI Fly is stopped");
    }

    private static void assertStartedWithProvider() {
        assertEquals(Bundle.ACTIVE, bundle(SPI_FLY).getState(), "SPI Fly started");
        assertEquals(Bundle.ACTIVE, bundle(SLF4J_PROVIDER).getState(), "slf4j's provider started");
        assertNotNull(context().getServiceReference(PROVIDER_SERVICE), "SPI Fly registered slf4j's provider");
    }

    @AfterEach
    void leaveThemStarted() throws BundleException {
        bundle(SPI_FLY).start(Bundle.START_TRANSIENT);
        bundle(SLF4J_PROVIDER).start(Bundle.START_TRANSIENT);
    }

    @Test
    void theProductDoesNotStartThemAtBootAndTheWorkbenchDoesAfterItsFirstPaint() throws Exception {
        // the job the workbench scheduled after its first window painted has run: both started
        WorkbenchFixture.processUntil(() -> bundle(SPI_FLY).getState() == Bundle.ACTIVE, 20_000);
        assertStartedWithProvider();
        assertFalse(startsAtBoot(SPI_FLY), "this runtime starts SPI Fly as the product does, not at boot: "
                + System.getProperty("osgi.bundles"));

        stopBoth();
        StartExtendersJob.startAfterFirstPaint(Display.getCurrent());
        WorkbenchFixture.processUntil(() -> context().getServiceReference(PROVIDER_SERVICE) != null, 20_000);
        Job.getJobManager().join(StartExtendersJob.FAMILY, null);
        assertStartedWithProvider();
    }

    @Test
    void aGridBuiltBeforeThatStartsThemBeforeNatTable() throws Exception {
        stopBoth();
        Shell shell = new Shell(Display.getCurrent());
        try {
            shell.setLayout(new FillLayout());
            record Row(String id) {
            }
            DataGrid.<Row>builder().name("early").column(ColumnSpec.text("id", "Id", Row::id)).build(shell);
            // at once, on the UI thread: not left to a job that NatTable's loggers could overtake
            assertStartedWithProvider();
        } finally {
            shell.dispose();
        }
    }

    /** Whether the launch configuration marks the bundle to start at boot (a start level at or below the framework's). */
    private static boolean startsAtBoot(String symbolicName) {
        String bundles = System.getProperty("osgi.bundles", "");
        return Arrays.stream(bundles.split(",")).anyMatch(e -> e.contains(symbolicName) && e.contains(":start"));
    }
}
