package org.painlab.mechanism.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.painlab.cli.Json;
import org.painlab.mechanism.sim.TimeCourse;

/** What simulate and run print after writing the CSV: the solver used and why. */
final class RunReport {
    private RunReport() {
    }

    static void print(PrintWriter w, boolean json, String model, Path out, TimeCourse tc) {
        print(w, json, model, out, tc, null);
    }

    static void print(PrintWriter w, boolean json, String model, Path out, TimeCourse tc, Long resultId) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("out", out.toString());
            m.put("rows", tc.times().length);
            m.put("columns", tc.columns());
            m.put("solver", tc.solver());
            m.put("reason", tc.reason());
            m.put("steps", tc.steps());
            m.put("evaluations", tc.evaluations());
            if (resultId != null) {
                m.put("result_id", resultId);
            }
            new Json().print(w, m);
        } else {
            w.println("wrote " + out + " (" + tc.times().length + " rows); solver " + tc.solver() + ": " + tc.reason()
                    + (resultId == null ? "" : "; stored as result " + resultId));
            w.flush();
        }
    }
}
