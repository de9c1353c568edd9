package org.painlab.boot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The framework extension's rule (which application, which value) and its Linux mechanism, on this test's own
 * threads. The product as shipped is checked in {@code WorkbenchStartupTest}.
 */
class CompilerPriorityTest {

    @Test
    void onlyTheWorkbenchLowersItsCompilersAndByDefaultToTen() {
        assertEquals(10, CompilerPriority.niceFor("org.painlab.core.ui.application", null));
        assertEquals(10, CompilerPriority.niceFor("org.painlab.core.ui.application", " "));
        assertEquals(0, CompilerPriority.niceFor("org.painlab.cli.app", null), "the command line keeps its compilers");
        assertEquals(0, CompilerPriority.niceFor(null, "10"));
    }

    @Test
    void thePropertySetsTheValueOrSwitchesItOff() {
        assertEquals(5, CompilerPriority.niceFor("org.painlab.core.ui.application", "5"));
        assertEquals(0, CompilerPriority.niceFor("org.painlab.core.ui.application", "0"));
        assertEquals(0, CompilerPriority.niceFor("org.painlab.core.ui.application", "20"), "out of range: left alone");
        assertEquals(0, CompilerPriority.niceFor("org.painlab.core.ui.application", "high"), "not a number: left alone");
    }

    @Test
    void theCompilersAreFoundByTheirKernelNames() {
        assertTrue(CompilerPriority.COMPILER_THREADS.matcher("C2 CompilerThre").matches());
        assertTrue(CompilerPriority.COMPILER_THREADS.matcher("C1 CompilerThre").matches());
        assertFalse(CompilerPriority.COMPILER_THREADS.matcher("main").matches());
        assertFalse(CompilerPriority.COMPILER_THREADS.matcher("Worker-0").matches());
    }

    @Test
    void onlyTheNamedThreadGetsTheLowerPriority() throws Exception {
        assumeTrue(ThreadNice.supported(), "Linux only: /proc/self/task");
        CountDownLatch done = new CountDownLatch(1);
        Thread sleeper = new Thread(() -> {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "PL nice probe");
        sleeper.start();
        try {
            List<Long> found = waitForThread(Pattern.compile("PL nice probe"));
            assertEquals(1, found.size(), found.toString());
            long tid = found.get(0);
            // the build may itself run at a lower priority: the probe starts where the process is
            int before = ThreadNice.nice(tid);
            assumeTrue(before < 19, "the test runs at the lowest priority already");
            int target = Math.min(19, before + 3);
            Map<Long, Integer> others = new HashMap<>();
            for (long other : ThreadNice.threads(Pattern.compile(".*"))) {
                try {
                    if (other != tid) {
                        others.put(other, ThreadNice.nice(other));
                    }
                } catch (IOException gone) {
                    // ended while listed
                }
            }
            ThreadNice.lower(found, target);
            assertEquals(target, ThreadNice.nice(tid));
            for (Map.Entry<Long, Integer> other : others.entrySet()) {
                try {
                    assertEquals(other.getValue(), ThreadNice.nice(other.getKey()), "thread " + other.getKey() + " was changed too");
                } catch (IOException gone) {
                    // a short-lived thread of the test run ended
                }
            }
        } finally {
            done.countDown();
            sleeper.join();
        }
    }

    @Test
    void aValueOutsideOneToNineteenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ThreadNice.lower(List.of(1L), 0));
        assertThrows(IllegalArgumentException.class, () -> ThreadNice.lower(List.of(1L), 20));
    }

    @Test
    void aRefusedChangeSaysWhatReniceAnswered() {
        assumeTrue(ThreadNice.supported(), "Linux only: /proc/self/task");
        // no such thread: renice fails and its message is kept
        IOException e = assertThrows(IOException.class, () -> ThreadNice.lower(List.of(999_999_999L), 5));
        assertTrue(e.getMessage().contains("renice -n 5 -p 999999999"), e.getMessage());
    }

    private static List<Long> waitForThread(Pattern name) throws Exception {
        // Java names the kernel thread when it starts running
        for (int i = 0; i < 100; i++) {
            List<Long> found = ThreadNice.threads(name);
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(10);
        }
        return ThreadNice.threads(name);
    }
}
