package org.painlab.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Ends a command that ran out of memory or stack with one line on stderr and exit code
 * {@link #EXIT_CODE}, instead of a process that dies with nothing said (the error would otherwise
 * only reach the OSGi log). The line names the command, the heap it had and how to give it more.
 */
public final class ResourceExhaustion {
    /** The exit code of a command that ran out of memory or stack (1 and 2 are bad input and bad usage). */
    public static final int EXIT_CODE = 3;

    private ResourceExhaustion() {
    }

    /**
     * Runs a command line, turning {@link OutOfMemoryError} and {@link StackOverflowError} into one line.
     *
     * @param args the command line (for the message)
     * @param command runs it and returns its exit code
     * @param err where the line goes
     * @return the command's exit code, or {@link #EXIT_CODE}
     */
    public static int guard(String[] args, IntSupplier command, PrintWriter err) {
        try {
            return command.getAsInt();
        } catch (OutOfMemoryError e) {
            // the stack has unwound: what filled the heap is garbage now, so the message can be built
            return report(err, "painlab: out of memory while running '" + commandName(args) + "'; the input is too large for the heap ("
                    + heap() + "): give Java more (e.g. ./painlab " + commandName(args) + " ... -vmargs -Xmx8g) or split the input");
        } catch (StackOverflowError e) {
            return report(err, "painlab: out of stack while running '" + commandName(args)
                    + "'; the input is nested too deeply (give Java a larger stack with -vmargs -Xss16m, or simplify the input)");
        }
    }

    private static int report(PrintWriter err, String line) {
        err.println(line);
        err.flush();
        return EXIT_CODE;
    }

    /** The heap the process has, as -Xmx would say it. */
    static String heap() {
        long max = Runtime.getRuntime().maxMemory();
        return max == Long.MAX_VALUE ? "-Xmx unlimited" : "-Xmx" + Math.max(1, max / (1024 * 1024)) + "m";
    }

    /** The subcommand words of a command line (those before the first option or operand with a path), e.g. "trial import". */
    static String commandName(String[] args) {
        List<String> words = new ArrayList<>();
        for (String a : args == null ? new String[0] : args) {
            if (a.startsWith("-") || !a.matches("[a-z][a-z0-9-]*") || words.size() == 2) {
                break;
            }
            words.add(a);
        }
        return words.isEmpty() ? "painlab" : String.join(" ", words);
    }
}
