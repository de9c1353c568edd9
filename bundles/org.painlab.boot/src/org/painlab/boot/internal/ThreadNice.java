package org.painlab.boot.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scheduling priority (nice value) of this JVM's own threads on Linux, found by the names the kernel
 * keeps for them in {@code /proc/self/task}. On Linux {@code setpriority(PRIO_PROCESS, tid, n)} changes one
 * thread, not the whole process; the JDK has no call for it (and its foreign-function API is not final on
 * Java 21, which the product still runs on), so the change is made by util-linux's {@code renice}, which every
 * Linux distribution ships.
 */
public final class ThreadNice {
    private static final Path TASKS = Path.of("/proc/self/task");

    private ThreadNice() {
    }

    /** Whether this system lists the process's threads with their names (Linux). */
    public static boolean supported() {
        return Files.isDirectory(TASKS);
    }

    /**
     * The ids of this process's threads whose kernel name matches {@code name} in full. The kernel keeps at most
     * 15 characters of a thread's name ({@code "C2 CompilerThread0"} is {@code "C2 CompilerThre"}).
     */
    public static List<Long> threads(Pattern name) throws IOException {
        List<Long> ids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String comm;
                try {
                    comm = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
                } catch (IOException gone) {
                    continue; // the thread ended while the folder was listed
                }
                if (name.matcher(comm).matches()) {
                    ids.add(Long.parseLong(task.getFileName().toString()));
                }
            }
        }
        return ids;
    }

    /** The nice value of this process's thread {@code tid} (field 19 of {@code /proc/self/task/TID/stat}). */
    public static int nice(long tid) throws IOException {
        String stat = Files.readString(TASKS.resolve(Long.toString(tid)).resolve("stat"), StandardCharsets.UTF_8);
        // field 2, the name, is in parentheses and may hold spaces: count the fields after its closing one
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }

    /**
     * Gives the threads {@code tids} of this process the nice value {@code nice} (1-19: lower priority). Linux lets
     * a process lower its threads' priority but, without privileges, never raise it again.
     *
     * @throws IOException when {@code renice} cannot be run or refuses, with what it printed
     */
    public static void lower(List<Long> tids, int nice) throws IOException, InterruptedException {
        if (nice < 1 || nice > 19) {
            throw new IllegalArgumentException("nice value " + nice + " is not between 1 and 19");
        }
        if (tids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        tids.forEach(t -> command.add(Long.toString(t)));
        Process renice = new ProcessBuilder(command).redirectErrorStream(true).start();
        // renice prints a line or two, well within the pipe's buffer: wait first, so a hung renice cannot block
        if (!renice.waitFor(10, TimeUnit.SECONDS)) {
            renice.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 10 s");
        }
        String output = new String(renice.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (renice.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + renice.exitValue() + "): " + output);
        }
    }
}
