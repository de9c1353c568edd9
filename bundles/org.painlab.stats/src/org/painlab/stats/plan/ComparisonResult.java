package org.painlab.stats.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.painlab.stats.EffectSize;
import org.painlab.stats.TestResult;

/**
 * One comparison of the plan, run: what was compared, which test was chosen and why, its result
 * (p-values unrounded) and the effect sizes with confidence intervals.
 *
 * @param id identifier, unique in a report (e.g. "vas@month3:between")
 * @param comparison between arms or within an arm against baseline
 * @param selection which values were compared
 * @param arms the arms compared (between) or the single arm (within), in order
 * @param counts per arm the number of values used (between) or pairs (within)
 * @param choice the test choice
 * @param result the test result, or null when the test could not run
 * @param effects effect sizes (from the result, plus those the plan computes itself)
 * @param error why the test could not run, or null
 *
 * @since 0.1
 */
public record ComparisonResult(String id, Comparison comparison, Selection selection, List<String> arms,
        List<Integer> counts, Choice choice, TestResult result, List<EffectSize> effects, String error) {

    /** Copies the lists. */
    public ComparisonResult {
        arms = List.copyOf(arms);
        counts = List.copyOf(counts);
        effects = List.copyOf(effects == null ? List.of() : effects);
    }

    /** @return the p-value, or NaN when there is none */
    public double pValue() {
        return result == null ? Double.NaN : result.pValue();
    }

    /** @return true when a p-value exists */
    public boolean hasP() {
        return result != null && !Double.isNaN(result.pValue());
    }

    /**
     * @param prefix start of an effect-size name, e.g. "risk difference"
     * @return the first effect whose name starts with it, or null
     */
    public EffectSize effect(String prefix) {
        for (EffectSize e : effects) {
            if (e.name().startsWith(prefix)) {
                return e;
            }
        }
        return null;
    }

    /** @return JSON-shaped map: every number unrounded */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("comparison", comparison.id());
        m.put("variable", selection.variable());
        m.put("kind", selection.kind().id());
        m.put("time_point", selection.timePoint());
        if (selection.baselineTimePoint() != null) {
            m.put("baseline_time_point", selection.baselineTimePoint());
        }
        if (!selection.eventLevels().isEmpty()) {
            m.put("event_levels", selection.eventLevels());
        }
        m.put("arms", arms);
        m.put("n", counts);
        m.put("choice", choice.toMap());
        m.put("p_value", hasP() ? result.pValue() : null);
        m.put("result", result == null ? null : result.toMap());
        List<Object> es = new ArrayList<>();
        for (EffectSize e : effects) {
            es.add(e.toMap());
        }
        m.put("effect_sizes", es);
        if (error != null) {
            m.put("error", error);
        }
        return m;
    }
}
