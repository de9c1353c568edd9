package org.example.painlab.pcs;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.Json;
import org.painlab.trial.instrument.Item;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code painlab pcs describe [--json]}: the scale's items, sub-scales and scoring rule. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "The Pain Catastrophizing Scale: items, sub-scales, range and missing-item rule.")
public final class PcsDescribeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PainCatastrophizingScale pcs = new PainCatastrophizingScale();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            new Json().print(out, describe(pcs));
            return 0;
        }
        out.println(pcs.name() + " (instrument id '" + pcs.id() + "'): 13 items, each 0 (not at all) to 4 (all the time); total 0-52");
        for (Item item : pcs.items()) {
            out.println("  " + item.id() + "  " + item.label());
        }
        PainCatastrophizingScale.SUBSCALES.forEach((name, numbers) ->
                out.println("  " + name + ": items " + numbers + " (0-" + 4 * numbers.size() + ")"));
        out.println("At most " + PainCatastrophizingScale.MAX_MISSING + " item may be missing (prorated within its sub-scale); "
                + "totals of " + (int) PainCatastrophizingScale.CLINICAL_THRESHOLD + " or more are clinically relevant.");
        out.flush();
        return 0;
    }

    /** The JSON shape of {@code --json}: the instrument description plus sub-scales and range. */
    static Map<String, Object> describe(PainCatastrophizingScale pcs) {
        Map<String, Object> m = new LinkedHashMap<>(pcs.describe());
        Map<String, Object> subscales = new LinkedHashMap<>();
        PainCatastrophizingScale.SUBSCALES.forEach((name, numbers) -> {
            List<String> ids = new ArrayList<>();
            numbers.forEach(n -> ids.add(PainCatastrophizingScale.itemId(n)));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("items", ids);
            s.put("min", 0);
            s.put("max", 4 * numbers.size());
            subscales.put(name, s);
        });
        m.put("subscales", subscales);
        m.put("min", 0);
        m.put("max", 52);
        m.put("max_missing", PainCatastrophizingScale.MAX_MISSING);
        m.put("clinical_threshold", PainCatastrophizingScale.CLINICAL_THRESHOLD);
        return m;
    }
}
