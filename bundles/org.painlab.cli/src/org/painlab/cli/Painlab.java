package org.painlab.cli;

import java.io.PrintWriter;

import org.painlab.cli.internal.CommandContributions;
import org.painlab.cli.internal.CommandTree;

/**
 * Runs a {@code painlab} command line in-process, with every contributed command:
 * what the launch script does, for scripts, servers and tests that live in OSGi.
 */
public final class Painlab {
    private Painlab() {
    }

    /** Runs {@code args} and returns the exit code (0 ok, 1 failed run or bad input, 2 bad usage). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandTree(new CommandContributions()).build(out, err).execute(args);
    }
}
