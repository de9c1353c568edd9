package org.painlab.mechanism.cli.internal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.Json;
import org.painlab.mechanism.ModelLibrary;
import org.painlab.mechanism.Solvers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code painlab mech list}: the installed models (and solvers). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the installed mechanism models (built-in and contributed) and ODE solvers.")
public final class MechListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print {\"models\": [{\"id\", \"name\", \"description\", \"contributor\"}], \"solvers\": [...]}.")
    boolean json;

    @Override
    public Integer call() {
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelLibrary.Entry e : new ModelLibrary().all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("name", e.name());
            m.put("description", e.description());
            m.put("contributor", e.contributor());
            models.add(m);
        }
        List<Map<String, Object>> solvers = new ArrayList<>();
        for (Solvers.Entry e : new Solvers().all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("name", e.name());
            m.put("stiff", e.stiff());
            solvers.add(m);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("models", models);
            out.put("solvers", solvers);
            new Json().print(w, out);
        } else {
            models.forEach(m -> w.println(m.get("id") + "\t" + m.get("name")));
            solvers.forEach(m -> w.println("solver " + m.get("id") + "\t" + m.get("name")));
            w.flush();
        }
        return 0;
    }
}
