package org.painlab.core.data;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Subject-level data of a study, as the core data contract hands them to any analysis,
 * independent of the area that stored them: subjects with an arm, strata (site, sex, ...),
 * analysis-population flags (ITT, per protocol, ...) and variables, each possibly measured at
 * several time points (visits). Held column by column (one {@code double[]} per continuous variable
 * and time point, NaN = missing; one {@code int[]} of level codes per coded variable and time
 * point, -1 = missing) so that hundreds of thousands of subjects are summarised in single passes.
 * Immutable: accessors hand out copies.
 *
 * @since 0.1
 */
public final class SubjectData {

    /** Population that holds every subject; present when no other population was declared. */
    public static final String ALL = "ALL";

    private final String[] subjectIds;
    private final int[] armCodes;
    private final List<String> arms;
    private final Map<String, BitSet> populations;
    private final Map<String, String[]> strata;
    private final Map<String, DataVariable> variables;
    private final Map<String, double[]> numeric;
    private final Map<String, int[]> coded;
    private final boolean simulated;
    private final String description;

    private SubjectData(Builder b) {
        this.subjectIds = b.subjectIds;
        this.armCodes = b.armCodes;
        this.arms = List.copyOf(b.arms);
        Map<String, BitSet> pops = new LinkedHashMap<>(b.populations);
        if (pops.isEmpty()) {
            BitSet all = new BitSet(subjectIds.length);
            all.set(0, subjectIds.length);
            pops.put(ALL, all);
        }
        this.populations = Collections.unmodifiableMap(pops);
        this.strata = Collections.unmodifiableMap(new LinkedHashMap<>(b.strata));
        Map<String, DataVariable> vars = new LinkedHashMap<>();
        b.timePoints.forEach((name, tps) -> vars.put(name, new DataVariable(name, b.kinds.get(name),
                b.levels.getOrDefault(name, List.of()), tps.contains(null) ? List.of() : tps)));
        this.variables = Collections.unmodifiableMap(vars);
        this.numeric = Map.copyOf(b.numeric);
        this.coded = Map.copyOf(b.coded);
        this.simulated = b.simulated;
        this.description = b.description;
    }

    /**
     * @param arms arm names in the order tables show them (the last is the control by default)
     * @return a builder
     */
    public static Builder builder(List<String> arms) {
        return new Builder(arms);
    }

    /** @return number of subjects */
    public int size() {
        return subjectIds.length;
    }

    /** @return arm names in order */
    public List<String> arms() {
        return arms;
    }

    /** @param subject subject index @return index of its arm in {@link #arms()} */
    public int armOf(int subject) {
        return armCodes[subject];
    }

    /** @return arm index of every subject; a copy */
    public int[] armCodes() {
        return armCodes.clone();
    }

    /** @param subject subject index @return its identifier */
    public String subjectId(int subject) {
        return subjectIds[subject];
    }

    /** @return names of the analysis populations, in declaration order */
    public Set<String> populations() {
        return populations.keySet();
    }

    /**
     * @param name population name, e.g. "ITT"
     * @return the member subjects; a copy
     * @throws IllegalArgumentException naming the populations that exist
     */
    public BitSet population(String name) {
        BitSet set = populations.get(name);
        if (set == null) {
            throw new IllegalArgumentException("analysis population '" + name + "' is not in the data; present: "
                    + populations.keySet());
        }
        return (BitSet) set.clone();
    }

    /** @return the variables in the order they were added */
    public List<DataVariable> variables() {
        return new ArrayList<>(variables.values());
    }

    /**
     * @param name variable name
     * @return the variable
     * @throws IllegalArgumentException naming the variables that exist
     */
    public DataVariable variable(String name) {
        DataVariable v = variables.get(name);
        if (v == null) {
            throw new IllegalArgumentException("variable '" + name + "' is not in the data; present: "
                    + variables.keySet());
        }
        return v;
    }

    /** @param name variable name @return true when the data hold it */
    public boolean hasVariable(String name) {
        return variables.containsKey(name);
    }

    /**
     * @param name continuous variable
     * @param timePoint its time point, or null for an untimed variable
     * @return one value per subject, NaN where missing; a copy
     */
    public double[] numeric(String name, String timePoint) {
        double[] column = numeric.get(key(name, timePoint));
        if (column == null) {
            throw missing(name, timePoint, VariableKind.CONTINUOUS);
        }
        return column.clone();
    }

    /**
     * @param name coded (binary, categorical or ordinal) variable
     * @param timePoint its time point, or null for an untimed variable
     * @return one level index per subject, -1 where missing; a copy
     */
    public int[] codes(String name, String timePoint) {
        int[] column = coded.get(key(name, timePoint));
        if (column == null) {
            throw missing(name, timePoint, VariableKind.CATEGORICAL);
        }
        return column.clone();
    }

    /**
     * Values of any kind as numbers: continuous values as they are, level codes as 0, 1, ...
     * (what rank tests of ordinal variables use), NaN where missing.
     *
     * @param name variable name
     * @param timePoint time point or null
     * @return one value per subject; a fresh array
     */
    public double[] asNumbers(String name, String timePoint) {
        if (variable(name).kind() == VariableKind.CONTINUOUS) {
            return numeric(name, timePoint);
        }
        int[] c = codes(name, timePoint);
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i] < 0 ? Double.NaN : c[i];
        }
        return out;
    }

    /** @return true when the data are simulated (reports then carry a banner) */
    public boolean simulated() {
        return simulated;
    }

    /** @return what the data are (study, export date, or the generator and seed of simulated data) */
    public String description() {
        return description;
    }

    /** @return names of the strata (site, sex, ...) in declaration order */
    public Set<String> strata() {
        return strata.keySet();
    }

    /**
     * @param name stratum name, e.g. "site"
     * @param subject subject index
     * @return the subject's stratum level, or null when not recorded
     * @throws IllegalArgumentException naming the strata that exist
     */
    public String stratum(String name, int subject) {
        String[] levels = strata.get(name);
        if (levels == null) {
            throw new IllegalArgumentException("stratum '" + name + "' is not in the data; present: " + strata.keySet());
        }
        return levels[subject];
    }

    /**
     * A SHA-256 over everything the data hold (subjects, arms, strata, populations, variables and
     * every value), in a fixed order: two reads of unchanged data give the same fingerprint, so a
     * stored result can say which inputs it was computed from.
     *
     * @return lower-case hex digest
     */
    public String fingerprint() {
        Fingerprint f = new Fingerprint();
        f.add("arms").add(arms);
        f.add("subjects").add(subjectIds.length);
        for (int i = 0; i < subjectIds.length; i++) {
            f.add(subjectIds[i]).add(armCodes[i]);
        }
        strata.forEach((name, levels) -> {
            f.add("stratum").add(name);
            for (String l : levels) {
                f.add(l);
            }
        });
        populations.forEach((name, set) -> f.add("population").add(name).add(set.toString()));
        for (DataVariable v : variables.values()) {
            f.add("variable").add(v.name()).add(v.kind().id()).add(v.levels()).add(v.timePoints());
            for (String tp : v.timed() ? v.timePoints() : java.util.Collections.<String>singletonList(null)) {
                String k = key(v.name(), tp);
                if (v.kind() == VariableKind.CONTINUOUS) {
                    for (double x : numeric.get(k)) {
                        f.add(x);
                    }
                } else {
                    for (int c : coded.get(k)) {
                        f.add(c);
                    }
                }
            }
        }
        f.add(simulated ? 1 : 0).add(description);
        return f.hex();
    }

    private IllegalArgumentException missing(String name, String timePoint, VariableKind expected) {
        DataVariable v = variable(name);
        if (expected == VariableKind.CONTINUOUS && v.kind() != VariableKind.CONTINUOUS
                || expected != VariableKind.CONTINUOUS && v.kind() == VariableKind.CONTINUOUS) {
            return new IllegalArgumentException("variable '" + name + "' is " + v.kind().id()
                    + (v.kind().isCoded() ? ", read it as codes" : ", read it as numbers"));
        }
        return new IllegalArgumentException("variable '" + name + "' has no time point '" + timePoint + "'; it has "
                + (v.timed() ? v.timePoints() : "none (pass null)"));
    }

    private static String key(String name, String timePoint) {
        return timePoint == null ? name : name + '\u0000' + timePoint;
    }

    /** Collects subjects, populations and columns; checks every column against the subjects. */
    public static final class Builder {
        private final List<String> arms;
        private String[] subjectIds;
        private int[] armCodes;
        private final Map<String, BitSet> populations = new LinkedHashMap<>();
        private final Map<String, String[]> strata = new LinkedHashMap<>();
        private final Map<String, VariableKind> kinds = new LinkedHashMap<>();
        private final Map<String, List<String>> levels = new LinkedHashMap<>();
        private final Map<String, List<String>> timePoints = new LinkedHashMap<>();
        private final Map<String, double[]> numeric = new LinkedHashMap<>();
        private final Map<String, int[]> coded = new LinkedHashMap<>();
        private boolean simulated;
        private String description = "";

        private Builder(List<String> arms) {
            if (arms == null || arms.size() < 2) {
                throw new IllegalArgumentException("at least two arms are needed, not " + arms);
            }
            if (Set.copyOf(arms).size() != arms.size()) {
                throw new IllegalArgumentException("arm names must be unique: " + arms);
            }
            this.arms = List.copyOf(arms);
        }

        /**
         * @param ids subject identifiers
         * @param arm arm name of each subject, one of the builder's arms
         * @return this
         */
        public Builder subjects(List<String> ids, List<String> arm) {
            if (ids.size() != arm.size()) {
                throw new IllegalArgumentException("subject ids and arms differ in length (" + ids.size() + " vs "
                        + arm.size() + ")");
            }
            int[] codes = new int[arm.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = arms.indexOf(arm.get(i));
                if (codes[i] < 0) {
                    throw new IllegalArgumentException("subject '" + ids.get(i) + "': arm '" + arm.get(i)
                            + "' is not one of " + arms);
                }
            }
            return subjects(ids.toArray(String[]::new), codes);
        }

        /**
         * @param ids subject identifiers
         * @param armIndex index into the arms of each subject
         * @return this
         */
        public Builder subjects(String[] ids, int[] armIndex) {
            if (ids.length != armIndex.length) {
                throw new IllegalArgumentException("subject ids and arms differ in length (" + ids.length + " vs "
                        + armIndex.length + ")");
            }
            for (int i = 0; i < armIndex.length; i++) {
                if (armIndex[i] < 0 || armIndex[i] >= arms.size()) {
                    throw new IllegalArgumentException("subject '" + ids[i] + "': arm index " + armIndex[i]
                            + " is outside 0.." + (arms.size() - 1));
                }
            }
            this.subjectIds = ids.clone();
            this.armCodes = armIndex.clone();
            return this;
        }

        /**
         * @param name population name, e.g. "ITT" or "PP"
         * @param members one flag per subject
         * @return this
         */
        public Builder population(String name, boolean[] members) {
            requireSubjects();
            checkLength(name, members.length);
            BitSet set = new BitSet(members.length);
            for (int i = 0; i < members.length; i++) {
                if (members[i]) {
                    set.set(i);
                }
            }
            populations.put(name, set);
            return this;
        }

        /**
         * @param name stratum name, e.g. "site" (a REDCap data access group) or "sex"
         * @param levels the stratum level of each subject, null where not recorded
         * @return this
         */
        public Builder stratum(String name, String[] levels) {
            requireSubjects();
            checkLength(name, levels.length);
            strata.put(name, levels.clone());
            return this;
        }

        /**
         * @param name continuous variable
         * @param timePoint visit id, or null when the variable has no time points
         * @param values one per subject, NaN for missing
         * @return this
         */
        public Builder numeric(String name, String timePoint, double[] values) {
            requireSubjects();
            declare(name, VariableKind.CONTINUOUS, List.of(), timePoint);
            checkLength(name, values.length);
            for (double v : values) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("variable '" + name + "': infinite value");
                }
            }
            numeric.put(key(name, timePoint), values.clone());
            return this;
        }

        /**
         * @param name coded variable
         * @param kind binary, categorical or ordinal
         * @param levelLabels level labels in order
         * @param timePoint visit id, or null when the variable has no time points
         * @param codes level index per subject, -1 for missing
         * @return this
         */
        public Builder coded(String name, VariableKind kind, List<String> levelLabels, String timePoint, int[] codes) {
            requireSubjects();
            if (!kind.isCoded()) {
                throw new IllegalArgumentException("variable '" + name + "': use numeric(...) for continuous data");
            }
            declare(name, kind, levelLabels, timePoint);
            checkLength(name, codes.length);
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] < -1 || codes[i] >= levelLabels.size()) {
                    throw new IllegalArgumentException("variable '" + name + "' subject " + subjectIds[i] + ": code "
                            + codes[i] + " is outside -1.." + (levelLabels.size() - 1));
                }
            }
            coded.put(key(name, timePoint), codes.clone());
            return this;
        }

        /**
         * @param value whether the data are simulated
         * @param text what the data are
         * @return this
         */
        public Builder describe(boolean value, String text) {
            this.simulated = value;
            this.description = text == null ? "" : text;
            return this;
        }

        /** @return the data */
        public SubjectData build() {
            requireSubjects();
            return new SubjectData(this);
        }

        private void declare(String name, VariableKind kind, List<String> levelLabels, String timePoint) {
            VariableKind known = kinds.putIfAbsent(name, kind);
            if (known != null && known != kind) {
                throw new IllegalArgumentException("variable '" + name + "' was declared " + known.id() + ", now "
                        + kind.id());
            }
            List<String> knownLevels = levels.putIfAbsent(name, List.copyOf(levelLabels));
            if (knownLevels != null && !knownLevels.equals(levelLabels)) {
                throw new IllegalArgumentException("variable '" + name + "' has levels " + knownLevels
                        + " at one time point and " + levelLabels + " at another");
            }
            List<String> tps = timePoints.computeIfAbsent(name, n -> new ArrayList<>());
            if (tps.contains(timePoint)) {
                throw new IllegalArgumentException("variable '" + name + "' time point '" + timePoint + "' given twice");
            }
            if (!tps.isEmpty() && (timePoint == null || tps.contains(null))) {
                throw new IllegalArgumentException("variable '" + name + "' mixes untimed and timed columns");
            }
            tps.add(timePoint);
        }

        private void requireSubjects() {
            if (subjectIds == null) {
                throw new IllegalStateException("call subjects(...) first");
            }
        }

        private void checkLength(String name, int length) {
            if (length != subjectIds.length) {
                throw new IllegalArgumentException("'" + name + "' has " + length + " values for " + subjectIds.length
                        + " subjects");
            }
        }
    }
}
