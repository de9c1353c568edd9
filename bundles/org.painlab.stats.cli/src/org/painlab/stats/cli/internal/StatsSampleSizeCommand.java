package org.painlab.stats.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.stats.power.ExactOptions;
import org.painlab.stats.power.ExactTest;
import org.painlab.stats.power.MeanTestType;
import org.painlab.stats.power.MeansDesign;
import org.painlab.stats.power.MeansMethod;
import org.painlab.stats.power.MeansPower;
import org.painlab.stats.power.MeansResult;
import org.painlab.stats.power.Sides;
import org.painlab.stats.power.TwoProportionDesign;
import org.painlab.stats.power.TwoProportionMethod;
import org.painlab.stats.power.TwoProportionPower;
import org.painlab.stats.power.TwoProportionResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab stats sample-size two-proportions|two-means|paired-means ...}: PASS-style sample size. */
@Command(name = "sample-size", mixinStandardHelpOptions = true,
        description = "Sample size and achieved power: two-proportions (pooled, unpooled, cc, arcsine, exact), two-means, paired-means, one-mean.")
public final class StatsSampleSizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN", description = "two-proportions, two-means, paired-means or one-mean")
    String design;

    @Option(names = "--p1", description = "Proportion in group 1 (two-proportions).")
    Double p1;

    @Option(names = "--p2", description = "Proportion in group 2 (two-proportions).")
    Double p2;

    @Option(names = "--delta", description = "Difference in means (means designs).")
    Double delta;

    @Option(names = "--sd", description = "Standard deviation (of the differences for paired-means).")
    Double sd;

    @Option(names = "--alpha", defaultValue = "0.05")
    double alpha;

    @Option(names = "--power", defaultValue = "0.9")
    double power;

    @Option(names = "--method", description = "two-proportions: exact (default), pooled, unpooled, cc, arcsine; means: t (default) or normal.")
    String method;

    @Option(names = "--exact-test", defaultValue = "fisher", description = "Test enumerated by --method exact: fisher or z_pooled (default: ${DEFAULT-VALUE}).")
    String exactTest;

    @Option(names = "--sides", defaultValue = "2", description = "1 or 2 (default: ${DEFAULT-VALUE}).")
    int sides;

    @Option(names = "--ratio", defaultValue = "1", description = "n2 / n1 (two-proportions).")
    double ratio;

    // picocli passes descriptions through String.format: "%%" prints one "%" (a lone "%" prints a WARN)
    @Option(names = "--dropout", defaultValue = "0", description = "Expected loss to follow-up, e.g. 0.1 for 10%%.")
    double dropout;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Sides s = switch (sides) {
            case 1 -> Sides.ONE_SIDED;
            case 2 -> Sides.TWO_SIDED;
            default -> throw usage("--sides: " + sides + " is not 1 or 2");
        };
        checkOptions();
        Map<String, Object> out;
        try {
            out = switch (design) {
                case "two-proportions" -> proportions(s);
                case "two-means" -> means(s, MeanTestType.TWO_SAMPLE);
                case "paired-means" -> means(s, MeanTestType.PAIRED);
                case "one-mean" -> means(s, MeanTestType.ONE_SAMPLE);
                default -> throw usage("DESIGN: unknown '" + design + "'; expected two-proportions, two-means, paired-means or one-mean");
            };
        } catch (ArithmeticException | IllegalStateException e) {
            // no n within reach: say which parameters make the effect too small
            throw new CliFailure(parametersOfEffect() + ": " + e.getMessage() + "; " + remedy(), e);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            // the design's own checks name its fields ("delta must be non-zero"): they are option values
            if (m != null && m.matches("(delta|sd|p1|p2|alpha|power|dropout|ratio)\\b.*")) {
                throw usage("--" + m.replace("p1 == p2", "p1 == --p2"));
            }
            throw new CliFailure(m, e);
        }
        if (json) {
            new Json().print(spec.commandLine().getOut(), out);
        } else {
            spec.commandLine().getOut().println(out.get("method") + ": n per group " + out.get("n_per_group") + ", total "
                    + out.get("n_total") + ", achieved power " + out.get("achieved_power") + ", after dropout "
                    + out.get("n_per_group_after_dropout") + " per group");
        }
        return 0;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Every option in its allowed range, checked as usage (exit 2) before anything is computed. */
    private void checkOptions() {
        if (!(alpha > 0 && alpha < 1)) {
            throw usage("--alpha: " + alpha + " is not a significance level; expected a number between 0 and 1 (exclusive), e.g. 0.05");
        }
        if (!(power > 0 && power < 1)) {
            throw usage("--power: " + power + " is not a power; expected a number between 0 and 1 (exclusive), e.g. 0.9");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw usage("--dropout: " + dropout + " is not a fraction lost; expected at least 0 and below 1, e.g. 0.1");
        }
        if (!(ratio > 0) || Double.isInfinite(ratio)) {
            throw usage("--ratio: " + ratio + " is not an allocation ratio n2/n1; expected a number above 0, e.g. 1");
        }
        for (var p : new Object[][] {{"--p1", p1}, {"--p2", p2}}) {
            Double v = (Double) p[1];
            if (v != null && !(v >= 0 && v <= 1)) {
                throw usage(p[0] + ": " + v + " is not a proportion; expected a number from 0 to 1");
            }
        }
        if (sd != null && (!(sd > 0) || Double.isInfinite(sd))) {
            throw usage("--sd: " + sd + " is not a standard deviation; expected a number above 0");
        }
        if (delta != null && !Double.isFinite(delta)) {
            throw usage("--delta: " + delta + " is not a difference in means; expected a finite number");
        }
        if (!"fisher".equals(exactTest) && !"z_pooled".equals(exactTest) && !"z-pooled".equals(exactTest)) {
            throw usage("--exact-test: '" + exactTest + "' is not one of fisher, z_pooled");
        }
    }

    private String parametersOfEffect() {
        if ("two-proportions".equals(design)) {
            return "--p1 " + p1 + " and --p2 " + p2 + (ratio != 1 ? " with --ratio " + ratio : "");
        }
        return "--delta " + delta + " with --sd " + sd;
    }

    private String remedy() {
        if ("two-proportions".equals(design)) {
            return "choose --p1 and --p2 further apart" + (ratio != 1 ? " or a --ratio nearer 1" : "");
        }
        return "choose a larger --delta or a smaller --sd";
    }

    private Map<String, Object> proportions(Sides s) {
        if (p1 == null || p2 == null) {
            throw usage("two-proportions needs --p1 and --p2");
        }
        TwoProportionMethod m;
        try {
            m = TwoProportionMethod.fromId(method == null ? "exact" : method);
        } catch (IllegalArgumentException e) {
            throw usage("--method: '" + method + "' is not one of exact, pooled, unpooled, cc, arcsine (two-proportions)");
        }
        TwoProportionDesign d = TwoProportionDesign.of(p1, p2, alpha, power).withAlternative(s).withRatio(ratio)
                .withDropout(dropout);
        ExactTest test = "z_pooled".equals(exactTest) || "z-pooled".equals(exactTest) ? ExactTest.Z_POOLED : ExactTest.FISHER;
        TwoProportionResult r = TwoProportionPower.sampleSize(d, m, ExactOptions.defaults().withTest(test));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", r.method());
        if (r.exactTest() != null) {
            out.put("exact_test", r.exactTest());
        }
        out.put("n_per_group", r.nPerGroup());
        out.put("n_group2", r.nGroup2());
        out.put("n_total", r.nTotal());
        out.put("achieved_power", r.achievedPower());
        out.put("n_per_group_after_dropout", r.nPerGroupAfterDropout());
        out.put("n_total_after_dropout", r.nTotalAfterDropout());
        out.put("n_unrounded", Double.isNaN(r.nUnrounded()) ? null : r.nUnrounded());
        out.put("alternative", r.alternative());
        out.put("alpha", r.alpha());
        out.put("power", r.power());
        out.put("p1", r.p1());
        out.put("p2", r.p2());
        out.put("ratio", r.ratio());
        out.put("dropout", r.dropout());
        return out;
    }

    private Map<String, Object> means(Sides s, MeanTestType type) {
        if (delta == null || sd == null) {
            throw usage(design + " needs --delta and --sd");
        }
        MeansMethod m = method == null || "t".equals(method) ? MeansMethod.T : "normal".equals(method) ? MeansMethod.NORMAL : null;
        if (m == null) {
            throw usage("--method: '" + method + "' is not one of t, normal (" + design + ")");
        }
        MeansResult r = MeansPower.sampleSize(MeansDesign.of(delta, sd, alpha, power).withType(type).withAlternative(s)
                .withDropout(dropout), m);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", r.method());
        out.put("type", r.type());
        out.put("n_per_group", r.nPerGroup());
        out.put("n_total", r.nTotal());
        out.put("achieved_power", r.achievedPower());
        out.put("n_per_group_after_dropout", r.nPerGroupAfterDropout());
        out.put("n_total_after_dropout", r.nTotalAfterDropout());
        out.put("n_unrounded", r.nUnrounded());
        out.put("alternative", r.alternative());
        out.put("alpha", r.alpha());
        out.put("power", r.power());
        out.put("delta", r.delta());
        out.put("sd", r.sd());
        out.put("dropout", r.dropout());
        return out;
    }
}
