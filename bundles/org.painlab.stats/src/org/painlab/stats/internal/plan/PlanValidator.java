package org.painlab.stats.internal.plan;

import java.util.List;
import java.util.Map;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.core.data.DataVariable;
import org.painlab.stats.plan.TableSection;
import org.painlab.stats.plan.TestCatalog;
import org.painlab.stats.plan.TestOverride;
import org.painlab.core.data.VariableKind;
import org.painlab.stats.plan.VariableSpec;

/**
 * Checks a plan against the data before anything runs, so that a report is never half written
 * because of a misspelt variable or test: variables, kinds, levels, time points, arms, the
 * population and the test ids of overrides.
 */
public final class PlanValidator {

    private PlanValidator() {
    }

    /**
     * @param plan the plan
     * @param data the data
     * @param catalog the tests overrides may name
     * @throws IllegalArgumentException naming what does not fit
     */
    public static void check(AnalysisPlan plan, SubjectData data, TestCatalog catalog) {
        data.population(plan.population());
        List<String> arms = plan.armsIn(data);
        if (arms.size() < 2) {
            throw new IllegalArgumentException("plan arms: at least two arms are needed, not " + arms);
        }
        for (String a : arms) {
            if (!data.arms().contains(a)) {
                throw new IllegalArgumentException("plan arms: '" + a + "' is not an arm of the data " + data.arms());
            }
        }
        if (!arms.contains(plan.controlIn(data))) {
            throw new IllegalArgumentException("control_arm '" + plan.controlIn(data) + "' is not one of " + arms);
        }
        for (VariableSpec s : plan.variables()) {
            DataVariable v = data.variable(s.name());
            String where = "variable '" + s.name() + "': ";
            if ((s.kind() == VariableKind.CONTINUOUS) != (v.kind() == VariableKind.CONTINUOUS)) {
                throw new IllegalArgumentException(where + "the plan says " + s.kind().id() + ", the data hold "
                        + v.kind().id() + " values");
            }
            if (s.kind().isCoded() && !s.levels().equals(v.levels())) {
                throw new IllegalArgumentException(where + "levels " + s.levels() + " differ from the data's "
                        + v.levels());
            }
            for (String tp : s.timePoints()) {
                if (!v.timePoints().contains(tp)) {
                    throw new IllegalArgumentException(where + "time point '" + tp + "' is not in the data "
                            + v.timePoints());
                }
            }
            if (s.timed() != v.timed()) {
                throw new IllegalArgumentException(where + (v.timed() ? "the data have time points " + v.timePoints()
                        + ", name them in the plan" : "the data have no time points"));
            }
        }
        for (Map.Entry<String, List<TestOverride>> e : plan.variableOverrides().entrySet()) {
            if (plan.variables().stream().noneMatch(s -> s.name().equals(e.getKey()))) {
                throw new IllegalArgumentException("overrides: variable '" + e.getKey() + "' is not in the plan");
            }
            VariableSpec spec = plan.variables().stream().filter(s -> s.name().equals(e.getKey())).findFirst()
                    .orElseThrow();
            for (TestOverride o : e.getValue()) {
                known(catalog, o, "overrides." + e.getKey());
                fits(o, spec, arms.size(), "overrides." + e.getKey());
            }
        }
        for (Map.Entry<TableSection, List<TestOverride>> e : plan.tableOverrides().entrySet()) {
            for (TestOverride o : e.getValue()) {
                known(catalog, o, "table_overrides." + e.getKey().id());
            }
        }
    }

    /** A variable override that can never apply would be silently ignored; say so instead. */
    private static void fits(TestOverride o, VariableSpec spec, int arms, String where) {
        TestFamily family = TestFamily.of(o.testId());
        org.painlab.stats.plan.Comparison c = o.comparison() != null ? o.comparison() : family.defaultComparison();
        boolean rate = !spec.eventLevels().isEmpty() && spec.kind().isCoded();
        boolean ok = family.fits(c, spec.kind(), arms) || rate && family.fits(c, VariableKind.BINARY, arms);
        if (!ok) {
            throw new IllegalArgumentException(where + ": test '" + o.testId() + "' cannot take the " + c.id()
                    + "-group comparison of " + spec.kind().id() + " variable '" + spec.name() + "' with " + arms
                    + " arms");
        }
    }

    private static void known(TestCatalog catalog, TestOverride o, String where) {
        try {
            catalog.get(o.testId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }
}
