package org.painlab.mechanism.sim;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.painlab.core.io.AtomicFiles;

/**
 * Writes a time course as CSV the way the SBML Test Suite's results files are: header {@code time,<columns>},
 * one row per output time, numbers in Java's shortest round-trip form. The file appears whole or not at all.
 *
 * @since 0.1
 */
public final class TimeCourseCsv {
    private TimeCourseCsv() {
    }

    public static void write(TimeCourse tc, Path target) throws IOException {
        AtomicFiles.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("time");
            for (String c : tc.columns()) {
                w.write(',');
                w.write(c);
            }
            w.write('\n');
            for (int i = 0; i < tc.times().length; i++) {
                w.write(number(tc.times()[i]));
                for (double v : tc.values()[i]) {
                    w.write(',');
                    w.write(number(v));
                }
                w.write('\n');
            }
            w.flush();
        });
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "INF" : "-INF";
        }
        return Double.toString(v);
    }
}
