package org.painlab.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * The workbench as shipped, started by its launch script: its framework extension (org.painlab.boot) lowers
 * the JIT compiler threads' priority, and no other thread's (docs/plugin-developer-guide.md, "The JIT compilers
 * yield"). Needs a display, as the UI tests do.
 */
@TestInstance(Lifecycle.PER_CLASS)
class WorkbenchStartupTest {
    private Painlab painlab;
    private Path work;

    @BeforeAll
    void unpack() throws Exception {
        painlab = Painlab.fresh("it-startup");
        work = painlab.home().getParent();
    }

    @Test
    void theFrameworkExtensionIsListedInTheConfiguration() throws IOException {
        String ini = Files.readString(painlab.home().resolve("configuration/config.ini"), StandardCharsets.ISO_8859_1);
        assertTrue(ini.lines().anyMatch(l -> l.startsWith("osgi.framework.extensions=") && l.contains("org.painlab.boot_")), ini);
    }

    /** Starts the workbench through the launch script, behind {@code prefix} (e.g. {@code nice -n 15}). */
    private Process startWorkbench(Path log, String... prefix) throws IOException {
        List<String> command = new ArrayList<>(List.of(prefix));
        command.add(painlab.home().resolve("painlab").toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("HOME", work.resolve("home").toString());
        pb.environment().put("PAINLAB_WORKSPACE", work.resolve("workspace-" + log.getFileName()).toString());
        pb.environment().put("PAINLAB_XMX", "1g");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private static void end(Process workbench) throws InterruptedException {
        // nice runs the launch script, which execs java: the process is the workbench either way
        workbench.destroy();
        if (!workbench.waitFor(30, TimeUnit.SECONDS)) {
            workbench.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theWorkbenchLowersItsCompilersPriorityAndNoOtherThreads() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        Path log = work.resolve("workbench.log");
        Process workbench = startWorkbench(log);
        try {
            Map<String, Integer> niceByThread = Map.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && workbench.isAlive()) {
                niceByThread = threads(workbench.pid());
                if (compilersAt(niceByThread, 10)) {
                    break;
                }
                Thread.sleep(50);
            }
            assertTrue(workbench.isAlive(), "the workbench ended: " + Files.readString(log));
            assertTrue(compilersAt(niceByThread, 10), "compiler threads not at nice 10: " + niceByThread);
            // the launch script runs java itself (exec): its first thread is the process
            int base = niceByThread.get("java#" + workbench.pid());
            for (Map.Entry<String, Integer> thread : niceByThread.entrySet()) {
                if (!isCompiler(thread.getKey())) {
                    assertEquals(base, thread.getValue(), thread.getKey() + " changed too: " + niceByThread);
                }
            }
            assertFalse(Files.readString(log).contains("could not lower the JIT compilers' priority"), Files.readString(log));
        } finally {
            end(workbench);
        }
    }

    /**
     * Started from a shell that is niced further than 10, the compilers already yield: they are left where they are
     * (renicing them to 10 would raise them, which an unprivileged user may not do and should not).
     */
    @Test
    void underALowerPriorityTheCompilersAreLeftAlone() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        Path log = work.resolve("niced.log");
        Process workbench = startWorkbench(log, "nice", "-n", "15");
        try {
            Map<String, Integer> niceByThread = Map.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            // the extension acts when the framework starts; the job workers exist once the workbench runs
            while (System.nanoTime() < deadline && workbench.isAlive()
                    && niceByThread.keySet().stream().noneMatch(t -> t.startsWith("Worker-"))) {
                Thread.sleep(50);
                niceByThread = threads(workbench.pid());
            }
            assertTrue(workbench.isAlive(), "the workbench ended: " + Files.readString(log));
            assertTrue(niceByThread.keySet().stream().anyMatch(t -> t.startsWith("Worker-")), "the workbench did not start: " + niceByThread);
            int base = niceByThread.get("java#" + workbench.pid());
            assertTrue(base >= 15, "started under nice 15: " + niceByThread);
            for (Map.Entry<String, Integer> thread : niceByThread.entrySet()) {
                assertEquals(base, thread.getValue(), thread.getKey() + " changed: " + niceByThread);
            }
            assertFalse(Files.readString(log).contains("could not lower the JIT compilers' priority"), Files.readString(log));
        } finally {
            end(workbench);
        }
    }

    private static boolean isCompiler(String thread) {
        return thread.matches("(C1|C2) CompilerThre#\\d+");
    }

    private static boolean compilersAt(Map<String, Integer> niceByThread, int nice) {
        long compilers = niceByThread.keySet().stream().filter(WorkbenchStartupTest::isCompiler).count();
        return compilers >= 1 && niceByThread.entrySet().stream().filter(e -> isCompiler(e.getKey())).allMatch(e -> e.getValue() == nice);
    }

    /** The process's threads as "kernel name#tid" with their nice values. */
    private static Map<String, Integer> threads(long pid) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"), StandardCharsets.UTF_8);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(name + "#" + task.getFileName(), Integer.parseInt(fields[19 - 3]));
                } catch (IOException gone) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            fail("cannot list the threads of " + pid + ": " + e);
        }
        return out;
    }
}
