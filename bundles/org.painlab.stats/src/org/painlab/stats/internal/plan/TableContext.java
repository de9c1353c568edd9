package org.painlab.stats.internal.plan;

import java.util.List;
import org.painlab.stats.plan.AnalysisPlan;

/**
 * What every table builder of one report shares: the plan, the population's data by arm, the
 * runner of comparisons, the arm order and the control arm.
 *
 * @param plan the plan
 * @param runner runs comparisons on the split data
 * @param arms arms in column order
 * @param control the control arm (between-group markers go on the others)
 * @param armSizes subjects of the population per arm
 */
public record TableContext(AnalysisPlan plan, ComparisonRunner runner, List<String> arms, String control,
        int[] armSizes) {

    /** @return the split data */
    public ArmSplit split() {
        return runner.split();
    }

    /** @return "S − P" style direction of differences */
    public String direction() {
        return arms.size() == 2 ? arms.get(0) + " − " + arms.get(1) : "";
    }

    /**
     * @param arm arm index
     * @return "Group S (n = 40)"
     */
    public String armHeading(int arm) {
        return "Group " + arms.get(arm) + " (n = " + armSizes[arm] + ")";
    }
}
