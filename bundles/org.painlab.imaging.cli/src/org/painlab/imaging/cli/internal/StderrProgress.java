package org.painlab.imaging.cli.internal;

import java.io.PrintWriter;

import org.eclipse.core.runtime.NullProgressMonitor;

/** Progress of a long command as a line on stderr (e.g. {@code features: 40%}) at every tenth of the work; stdout stays for --json. */
final class StderrProgress extends NullProgressMonitor {
    private final PrintWriter err;
    private final String what;
    private int total;
    private int done;
    private int lastTenth = -1;

    StderrProgress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public void beginTask(String name, int totalWork) {
        if (total == 0 && totalWork > 0) {
            total = totalWork;
        }
    }

    @Override
    public void worked(int work) {
        done += work;
        if (total > 0) {
            int tenth = Math.min(10, done * 10 / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                err.println(what + ": " + tenth * 10 + "%");
                err.flush();
            }
        }
    }
}
