package org.painlab.stats.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.painlab.core.data.SubjectData;
import org.painlab.core.data.DataVariable;
import org.painlab.core.data.VariableKind;

/**
 * The plan derived from the data alone: every variable, in data order, with a section guessed
 * from its name and labels for the instruments of the trial. Guesses are only defaults; a plan
 * file says otherwise.
 */
final class DefaultPlan {

    /** Labels of the trial's variables, so that a default report reads like the paper. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("sex", "Sex"), Map.entry("age", "Age (years)"), Map.entry("bmi", "BMI (kg/m²)"),
            Map.entry("level", "Herniation level"), Map.entry("pfirrmann", "Pfirrmann grade"),
            Map.entry("leg_pain_days", "Duration of leg pain (days)"), Map.entry("hypertension", "Hypertension"),
            Map.entry("diabetes", "Diabetes"), Map.entry("numbness", "Numbness"), Map.entry("fatigue", "Fatigue"),
            Map.entry("back_pain", "Back pain"), Map.entry("operation_minutes", "Operation time (min)"),
            Map.entry("blood_loss_ml", "Blood loss (ml)"), Map.entry("length_of_stay_days", "Length of stay (days)"),
            Map.entry("vas", "VAS (0–10)"), Map.entry("joa", "JOA score (0–29)"), Map.entry("odi", "ODI (%)"),
            Map.entry("macnab", "MacNab grade"), Map.entry("residual_back_pain", "Residual low back pain"),
            Map.entry("recurrent_pain", "Recurrent pain"), Map.entry("ldh_relapse", "LDH relapse (MRI)"),
            Map.entry("serious_complication", "Serious complications"),
            Map.entry("residual_low_back_pain", "Residual low back pain"), Map.entry("epidural_haematoma", "Epidural haematoma"),
            Map.entry("dural_tear", "Dural tear"), Map.entry("discitis", "Discitis"), Map.entry("root_injury", "Nerve root injury"),
            Map.entry("sf36_physical_functioning", "SF-36 physical functioning"),
            Map.entry("sf36_role_physical", "SF-36 role limitations (physical)"),
            Map.entry("sf36_role_emotional", "SF-36 role limitations (emotional)"),
            Map.entry("sf36_energy_fatigue", "SF-36 energy/fatigue"),
            Map.entry("sf36_emotional_wellbeing", "SF-36 emotional well-being"),
            Map.entry("sf36_social_functioning", "SF-36 social functioning"), Map.entry("sf36_pain", "SF-36 pain"),
            Map.entry("sf36_general_health", "SF-36 general health"),
            Map.entry("sf36_health_change", "SF-36 health change (item 2)"),
            Map.entry("sf36_pcs_us1998", "SF-36 PCS (US 1998 norms)"), Map.entry("sf36_mcs_us1998", "SF-36 MCS (US 1998 norms)"));

    /** Printed names of the trial's visits. */
    private static final Map<String, String> VISITS = Map.of("admission", "On admission", "pre_surgery",
            "Before surgery", "day3", "3 days after surgery", "month3", "3 months after surgery", "baseline", "Baseline",
            "discharge", "At discharge");

    private DefaultPlan() {
    }

    /**
     * @param timePoint visit id
     * @return the printed name of a known visit, else the id
     */
    public static String timePointLabel(String timePoint) {
        return VISITS.getOrDefault(timePoint, timePoint);
    }

    /**
     * @param data the data
     * @return a builder holding the default plan
     */
    public static AnalysisPlan.Builder of(SubjectData data) {
        AnalysisPlan.Builder b = AnalysisPlan.builder();
        b.title(data.simulated() ? "Tables of the trial (SIMULATED data)" : "Tables of the trial");
        b.population(data.populations().contains("ITT") ? "ITT" : data.populations().iterator().next());
        for (DataVariable v : data.variables()) {
            b.variable(spec(v));
        }
        return b;
    }

    /**
     * @param v a variable of the data
     * @return its default specification
     */
    public static VariableSpec spec(DataVariable v) {
        TableSection section = section(v);
        return new VariableSpec(v.name(), LABELS.getOrDefault(v.name().toLowerCase(Locale.ROOT), v.name()), v.kind(),
                v.levels(), v.timePoints(), section, 1, eventLevels(v, section));
    }

    /**
     * @param v a variable
     * @return the table its name suggests
     */
    public static TableSection section(DataVariable v) {
        String n = v.name().toLowerCase(Locale.ROOT);
        if (n.contains("macnab")) {
            return TableSection.EFFICACY;
        }
        if (n.matches(".*(complication|relapse|recurren|residual|haematoma|hematoma|dural|discitis|root_injury|adverse).*")) {
            return TableSection.COMPLICATIONS;
        }
        if (v.timePoints().size() < 2) {
            return TableSection.BASELINE;
        }
        if (n.matches("(vas|nrs).*|.*pain.*")) {
            return TableSection.PAIN;
        }
        if (n.matches("(joa|odi|sf36|sf_36|sf-36).*")) {
            return TableSection.FUNCTION;
        }
        return TableSection.OUTCOMES;
    }

    /**
     * @param v a variable
     * @param section its table
     * @return the event level of a binary variable (a yes-like level, else the second) or the
     *         excellent and good grades of an efficacy variable
     */
    public static List<String> eventLevels(DataVariable v, TableSection section) {
        if (v.kind() == VariableKind.BINARY) {
            for (String level : v.levels()) {
                if (level.toLowerCase(Locale.ROOT).matches("yes|y|true|1|present|positive|event")) {
                    return List.of(level);
                }
            }
            return List.of(v.levels().get(1));
        }
        if (section == TableSection.EFFICACY && v.kind().isCoded()) {
            List<String> good = v.levels().stream()
                    .filter(l -> l.equalsIgnoreCase("excellent") || l.equalsIgnoreCase("good")).toList();
            return good.size() == 2 ? good : List.of();
        }
        return List.of();
    }
}
