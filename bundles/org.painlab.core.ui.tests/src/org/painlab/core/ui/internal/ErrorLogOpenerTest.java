package org.painlab.core.ui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;

/** The first error logged in a session opens the Error Log, which the frame leaves closed at start. */
class ErrorLogOpenerTest {
    private static final String BUNDLE = "org.painlab.core.ui.tests";

    @Test
    void anErrorOpensTheErrorLogWithoutTakingTheFocusOnce() throws Exception {
        IWorkbenchPage page = WorkbenchFixture.page();
        page.showView("org.painlab.core.ui.studyExplorer");
        hideErrorLog(page);
        IWorkbenchPart active = page.getActivePart();
        ILog log = Platform.getLog(FrameworkUtil.getBundle(ErrorLogOpenerTest.class));
        ErrorLogOpener opener = ErrorLogOpener.start(PlatformUI.getWorkbench());
        try {
            log.log(new Status(IStatus.WARNING, BUNDLE, "a warning (ErrorLogOpenerTest)"));
            WorkbenchFixture.processEvents();
            assertNull(page.findViewReference(ErrorLogOpener.VIEW_ID), "a warning does not open the Error Log");
            assertFalse(opener.opened());

            // logged from another thread, as a job's failure would be
            Thread t = new Thread(() -> log.log(new Status(IStatus.ERROR, BUNDLE, "an error (ErrorLogOpenerTest)")));
            t.start();
            t.join();
            // (the session's own opener may be the one that shows it, if no error came before in this run)
            WorkbenchFixture.processUntil(() -> opener.opened() && page.findViewReference(ErrorLogOpener.VIEW_ID) != null,
                    10_000);
            assertNotNull(page.findViewReference(ErrorLogOpener.VIEW_ID), "an error opens the Error Log");
            assertTrue(opener.opened());
            assertSame(active, page.getActivePart(), "the Error Log does not take the focus");

            hideErrorLog(page);
            log.log(new Status(IStatus.ERROR, BUNDLE, "a second error (ErrorLogOpenerTest)"));
            WorkbenchFixture.processEvents();
            assertNull(page.findViewReference(ErrorLogOpener.VIEW_ID), "closed by the user, it stays closed this session");
        } finally {
            opener.stop();
        }
    }

    private static void hideErrorLog(IWorkbenchPage page) {
        var ref = page.findViewReference(ErrorLogOpener.VIEW_ID);
        if (ref != null) {
            page.hideView(ref);
        }
        WorkbenchFixture.processEvents();
        assertNull(page.findViewReference(ErrorLogOpener.VIEW_ID));
    }
}
