package org.painlab.stats.internal.math;

import java.util.List;
import org.painlab.stats.EffectSize;

/**
 * Risk difference, risk ratio and odds ratio of a 2x2 table, reading rows as groups (row 1
 * exposed / treated) and column 1 as the event. Wald intervals (log scale for the ratios,
 * Katz and Woolf); when a cell is zero the ratios use the Haldane-Anscombe 0.5 correction, and
 * their names say so.
 */
public final class TwoByTwoEffects {

    private TwoByTwoEffects() {
    }

    /**
     * @param t 2x2 table with non-empty rows
     * @param confLevel confidence level of the two-sided intervals
     * @return risk difference, risk ratio, odds ratio
     */
    public static List<EffectSize> of(long[][] t, double confLevel) {
        double a = t[0][0];
        double b = t[0][1];
        double c = t[1][0];
        double d = t[1][1];
        double n1 = a + b;
        double n2 = c + d;
        double z = Distributions.normalQuantile(1 - (1 - confLevel) / 2);

        double p1 = a / n1;
        double p2 = c / n2;
        double rd = p1 - p2;
        double seRd = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        EffectSize riskDifference = new EffectSize("risk difference (row 1 - row 2)", rd, rd - z * seRd,
                rd + z * seRd, confLevel);

        boolean zeroCell = a == 0 || b == 0 || c == 0 || d == 0;
        String suffix = zeroCell ? ", Haldane 0.5 corrected" : "";
        if (zeroCell) {
            a += 0.5;
            b += 0.5;
            c += 0.5;
            d += 0.5;
            n1 += 1;
            n2 += 1;
        }
        double rr = (a / n1) / (c / n2);
        double seLogRr = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
        EffectSize riskRatio = new EffectSize("risk ratio (row 1 / row 2" + suffix + ")", rr,
                rr * Math.exp(-z * seLogRr), rr * Math.exp(z * seLogRr), confLevel);

        double or = (a * d) / (b * c);
        double seLogOr = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
        EffectSize oddsRatio = new EffectSize("odds ratio (Woolf" + suffix + ")", or,
                or * Math.exp(-z * seLogOr), or * Math.exp(z * seLogOr), confLevel);
        return List.of(riskDifference, riskRatio, oddsRatio);
    }
}
