package org.painlab.stats.plan;

import org.painlab.core.data.SubjectData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.painlab.stats.Alternative;
import org.painlab.stats.TestOptions;

/**
 * The statistical analysis plan: which variables go into which table, the analysis population,
 * the significance level, the sidedness of every test (two-sided unless the plan says otherwise,
 * and always printed), the thresholds of the assumption checks, the expected-count rule, and the
 * user's overrides of the automatic test choice, per variable or per table. Immutable.
 *
 * <h2>Plan file (JSON)</h2>
 * Every field is optional; what is left out comes from {@link #defaultFor(SubjectData)}.
 * <pre>{@code
 * {
 *   "title": "SNRB before PELD: tables",
 *   "population": "ITT",                 // a population of the data: ITT, PP, ... (default ITT, else ALL)
 *   "alpha": 0.05,                       // significance level (the P < alpha wording of footnotes)
 *   "alternative": "two-sided",          // two-sided | less | greater, for every test
 *   "conf_level": 0.95,                  // confidence level of effect-size intervals
 *   "normality_alpha": 0.05,             // Shapiro-Wilk p below this: not normal
 *   "variance_alpha": 0.05,              // Levene p below this: unequal variances
 *   "expected_count_rule": "default",    // default | all-5 | cochran | textbook
 *   "quantile_type": 6,                  // quartiles: 6 = SPSS (default), 7 = R's default
 *   "p_decimals": 3,                     // P printed as 0.031, below 10^-3 as <0.001
 *   "arms": ["S", "P"],                  // order of the arm columns; x - y effects are first - second
 *   "control_arm": "P",                  // between-group markers go on the other arms (default: last arm)
 *   "time_point_labels": {"month3": "3 months after surgery"},
 *   "variables": [                       // when present: exactly these variables, in this order
 *     {"name": "age", "label": "Age (years)", "section": "baseline", "decimals": 1},
 *     {"name": "sex", "label": "Sex", "kind": "categorical"},
 *     {"name": "hypertension", "kind": "binary", "event_levels": ["yes"]},
 *     {"name": "vas", "label": "VAS", "section": "pain", "time_points": ["admission", "day3", "month3"]},
 *     {"name": "macnab", "section": "efficacy", "event_levels": ["excellent", "good"]}
 *   ],
 *   "overrides": {                       // per variable: one override or a list of them
 *     "vas": [{"test": "t-welch", "comparison": "between"},
 *             {"test": "wilcoxon-signed-rank", "comparison": "within", "exact": true}],
 *     "blood_loss": {"test": "mann-whitney", "correct": true, "alternative": "two-sided"}
 *   },
 *   "table_overrides": {                 // per table: applies to every variable the test fits
 *     "baseline": {"test": "mann-whitney"}
 *   }
 * }
 * }</pre>
 * An override's "comparison" may be left out: paired tests (t-paired, wilcoxon-signed-rank)
 * apply to within-group comparisons, all others to between-group ones. A table override is used
 * only for variables whose data the test can take (a two-sample test for continuous and ordinal
 * variables, a table test for counts); a variable override wins over a table override.
 *
 * @since 0.1
 */
public final class AnalysisPlan {

    private final String title;
    private final List<VariableSpec> variables;
    private final String population;
    private final double alpha;
    private final Alternative alternative;
    private final double confLevel;
    private final double normalityAlpha;
    private final double varianceAlpha;
    private final ExpectedCountRule countRule;
    private final int quantileType;
    private final int pDecimals;
    private final List<String> arms;
    private final String controlArm;
    private final Map<String, List<TestOverride>> variableOverrides;
    private final Map<TableSection, List<TestOverride>> tableOverrides;
    private final Map<String, String> timePointLabels;

    private AnalysisPlan(Builder b) {
        this.title = b.title;
        this.variables = List.copyOf(b.variables);
        this.population = b.population;
        this.alpha = check("alpha", b.alpha);
        this.alternative = b.alternative == null ? Alternative.TWO_SIDED : b.alternative;
        this.confLevel = check("conf_level", b.confLevel);
        this.normalityAlpha = check("normality_alpha", b.normalityAlpha);
        this.varianceAlpha = check("variance_alpha", b.varianceAlpha);
        this.countRule = b.countRule;
        if (b.quantileType != 6 && b.quantileType != 7) {
            throw new IllegalArgumentException("quantile_type must be 6 (SPSS) or 7 (R default), not " + b.quantileType);
        }
        this.quantileType = b.quantileType;
        if (b.pDecimals < 2 || b.pDecimals > 6) {
            throw new IllegalArgumentException("p_decimals must be 2..6, not " + b.pDecimals);
        }
        this.pDecimals = b.pDecimals;
        this.arms = List.copyOf(b.arms);
        this.controlArm = b.controlArm;
        Map<String, List<TestOverride>> vo = new LinkedHashMap<>();
        b.variableOverrides.forEach((k, v) -> vo.put(k, List.copyOf(v)));
        this.variableOverrides = Collections.unmodifiableMap(vo);
        Map<TableSection, List<TestOverride>> to = new EnumMap<>(TableSection.class);
        b.tableOverrides.forEach((k, v) -> to.put(k, List.copyOf(v)));
        this.tableOverrides = Collections.unmodifiableMap(to);
        this.timePointLabels = Collections.unmodifiableMap(new LinkedHashMap<>(b.timePointLabels));
        Set<String> names = new HashSet<>();
        for (VariableSpec v : variables) {
            if (!names.add(v.name())) {
                throw new IllegalArgumentException("variable '" + v.name() + "' is listed twice in the plan");
            }
        }
    }

    private static double check(String field, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(field + " must be between 0 and 1 (exclusive), not " + value);
        }
        return value;
    }

    /**
     * The plan a lab gets without writing one: every variable of the data, kinds and levels as
     * the data hold them, sections guessed from the names (vas/nrs/pain → pain; joa, odi, sf36 →
     * function; complication words → complications; macnab → efficacy; other timed variables →
     * outcomes; the rest → baseline), population ITT when the data have it, two-sided α = 0.05.
     *
     * @param data the data
     * @return the default plan
     */
    public static AnalysisPlan defaultFor(SubjectData data) {
        return DefaultPlan.of(data).build();
    }

    /**
     * @param file a plan file in the format of the class comment
     * @param data the data it refers to (fills what the file leaves out)
     * @return the plan
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the file, the field and what was expected
     */
    public static AnalysisPlan load(Path file, SubjectData data) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text, data);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param json a plan in the format of the class comment
     * @param data the data it refers to
     * @return the plan
     * @throws IllegalArgumentException naming the field and what was expected
     */
    public static AnalysisPlan parse(String json, SubjectData data) {
        return PlanJsonReader.read(json, data);
    }

    /** @return a builder with this plan's settings */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.title = title;
        b.variables.addAll(variables);
        b.population = population;
        b.alpha = alpha;
        b.alternative = alternative;
        b.confLevel = confLevel;
        b.normalityAlpha = normalityAlpha;
        b.varianceAlpha = varianceAlpha;
        b.countRule = countRule;
        b.quantileType = quantileType;
        b.pDecimals = pDecimals;
        b.arms.addAll(arms);
        b.controlArm = controlArm;
        variableOverrides.forEach((k, v) -> b.variableOverrides.put(k, new ArrayList<>(v)));
        tableOverrides.forEach((k, v) -> b.tableOverrides.put(k, new ArrayList<>(v)));
        b.timePointLabels.putAll(timePointLabels);
        return b;
    }

    /** @return a builder with the defaults of the class comment and no variables */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the report title */
    public String title() {
        return title;
    }

    /** @return the variables in table order */
    public List<VariableSpec> variables() {
        return variables;
    }

    /**
     * @param section a table
     * @return the variables of that table, in plan order
     */
    public List<VariableSpec> variables(TableSection section) {
        return variables.stream().filter(v -> v.section() == section).toList();
    }

    /** @return the analysis population */
    public String population() {
        return population;
    }

    /** @return the significance level */
    public double alpha() {
        return alpha;
    }

    /** @return the alternative of every test unless overridden */
    public Alternative alternative() {
        return alternative;
    }

    /** @return confidence level of intervals */
    public double confLevel() {
        return confLevel;
    }

    /** @return Shapiro–Wilk threshold */
    public double normalityAlpha() {
        return normalityAlpha;
    }

    /** @return Levene threshold */
    public double varianceAlpha() {
        return varianceAlpha;
    }

    /** @return the chi-square / Fisher rule */
    public ExpectedCountRule countRule() {
        return countRule;
    }

    /** @return 6 (SPSS) or 7 (R) */
    public int quantileType() {
        return quantileType;
    }

    /** @return decimals of printed P values */
    public int pDecimals() {
        return pDecimals;
    }

    /** @return arm order; empty means the data's order */
    public List<String> arms() {
        return arms;
    }

    /** @return the control arm, or null for the last arm */
    public String controlArm() {
        return controlArm;
    }

    /** @return per-variable overrides */
    public Map<String, List<TestOverride>> variableOverrides() {
        return variableOverrides;
    }

    /** @return per-table overrides */
    public Map<TableSection, List<TestOverride>> tableOverrides() {
        return tableOverrides;
    }

    /** @return labels of time points given by the plan (visit id to printed label) */
    public Map<String, String> timePointLabels() {
        return timePointLabels;
    }

    /**
     * @param timePoint visit id
     * @return its printed label: the plan's, else a known visit's ("month3" → "3 months after
     *         surgery"), else the id itself
     */
    public String timePointLabel(String timePoint) {
        String label = timePointLabels.get(timePoint);
        return label != null ? label : DefaultPlan.timePointLabel(timePoint);
    }

    /** @return two-sided/one-sided and confidence level as test options */
    public TestOptions baseOptions() {
        return TestOptions.defaults().withAlternative(alternative).withConfLevel(confLevel);
    }

    /**
     * @param data the data
     * @return the arm order: the plan's, or the data's
     */
    public List<String> armsIn(SubjectData data) {
        return arms.isEmpty() ? data.arms() : arms;
    }

    /**
     * @param data the data
     * @return the control arm: the plan's, or the last arm
     */
    public String controlIn(SubjectData data) {
        List<String> order = armsIn(data);
        return controlArm != null ? controlArm : order.get(order.size() - 1);
    }

    /** Collects plan settings; starts from the defaults of the class comment. */
    public static final class Builder {
        private String title = "Tables";
        private final List<VariableSpec> variables = new ArrayList<>();
        private String population = SubjectData.ALL;
        private double alpha = 0.05;
        private Alternative alternative = Alternative.TWO_SIDED;
        private double confLevel = 0.95;
        private double normalityAlpha = 0.05;
        private double varianceAlpha = 0.05;
        private ExpectedCountRule countRule = ExpectedCountRule.TWO_BY_TWO_ALL_5_ELSE_COCHRAN;
        private int quantileType = 6;
        private int pDecimals = 3;
        private final List<String> arms = new ArrayList<>();
        private String controlArm;
        private final Map<String, List<TestOverride>> variableOverrides = new LinkedHashMap<>();
        private final Map<TableSection, List<TestOverride>> tableOverrides = new EnumMap<>(TableSection.class);
        private final Map<String, String> timePointLabels = new LinkedHashMap<>();

        private Builder() {
        }

        /** @param value title @return this */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** @param value all variables, replacing any set before @return this */
        public Builder variables(List<VariableSpec> value) {
            variables.clear();
            variables.addAll(value);
            return this;
        }

        /** @param value one more variable @return this */
        public Builder variable(VariableSpec value) {
            variables.add(value);
            return this;
        }

        /** @param value population name @return this */
        public Builder population(String value) {
            this.population = value;
            return this;
        }

        /** @param value significance level @return this */
        public Builder alpha(double value) {
            this.alpha = value;
            return this;
        }

        /** @param value sidedness of all tests @return this */
        public Builder alternative(Alternative value) {
            this.alternative = value;
            return this;
        }

        /** @param value confidence level @return this */
        public Builder confLevel(double value) {
            this.confLevel = value;
            return this;
        }

        /** @param value Shapiro–Wilk threshold @return this */
        public Builder normalityAlpha(double value) {
            this.normalityAlpha = value;
            return this;
        }

        /** @param value Levene threshold @return this */
        public Builder varianceAlpha(double value) {
            this.varianceAlpha = value;
            return this;
        }

        /** @param value expected count rule @return this */
        public Builder countRule(ExpectedCountRule value) {
            this.countRule = value;
            return this;
        }

        /** @param value 6 or 7 @return this */
        public Builder quantileType(int value) {
            this.quantileType = value;
            return this;
        }

        /** @param value decimals of P @return this */
        public Builder pDecimals(int value) {
            this.pDecimals = value;
            return this;
        }

        /** @param value arm order @return this */
        public Builder arms(List<String> value) {
            arms.clear();
            arms.addAll(value);
            return this;
        }

        /** @param value control arm @return this */
        public Builder controlArm(String value) {
            this.controlArm = value;
            return this;
        }

        /** @param variable variable name @param value override to add @return this */
        public Builder override(String variable, TestOverride value) {
            variableOverrides.computeIfAbsent(variable, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** @param section table @param value override to add @return this */
        public Builder tableOverride(TableSection section, TestOverride value) {
            tableOverrides.computeIfAbsent(section, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** @param variable variable name @return this, with that variable's overrides removed */
        public Builder clearOverrides(String variable) {
            variableOverrides.remove(variable);
            return this;
        }

        /** @param timePoint visit id @param label printed label @return this */
        public Builder timePointLabel(String timePoint, String label) {
            timePointLabels.put(timePoint, label);
            return this;
        }

        /** @return the plan */
        public AnalysisPlan build() {
            return new AnalysisPlan(this);
        }
    }
}
