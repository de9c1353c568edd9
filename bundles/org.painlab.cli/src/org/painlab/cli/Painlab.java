package org.painlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.painlab.cli.internal.CommandContributions;
import org.painlab.cli.internal.CommandTree;
import org.painlab.cli.internal.ResourceExhaustion;

/**
 * Runs a {@code painlab} command line in-process, with every contributed command:
 * what the launch script does, for scripts, servers and tests that live in OSGi.
 *
 * @since 0.1
 */
public final class Painlab {
    private Painlab() {
    }

    /** What one in-process run printed, with its exit code. */
    public record Result(int exitCode, String out, String err) {
        /** The single JSON object printed by a {@code --json} run. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return new Json().mapper().readValue(out, Map.class);
        }
    }

    /** Runs {@code args} and keeps what was printed (for scripts, servers and tests). */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Runs {@code args} and returns the exit code (0 ok, 1 failed run or bad input, 2 bad usage, 3 out
     * of memory or stack: then one line on {@code err} says so).
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return ResourceExhaustion.guard(args, () -> new CommandTree(new CommandContributions()).build(out, err, args).execute(args), err);
    }
}
