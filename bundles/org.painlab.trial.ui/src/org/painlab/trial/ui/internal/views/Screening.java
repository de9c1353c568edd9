package org.painlab.trial.ui.internal.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.painlab.core.StudyException;
import org.painlab.trial.store.ScreeningEntry;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.TrialStore;

/**
 * Screening a person against the protocol's eligibility checklist: the criteria come from
 * the study (setting {@code eligibility.criteria}, or those already used in its screening
 * log), else from the SNRB/PELD protocol. An eligible person can be enrolled at once, which
 * reveals the next allocation; an ineligible one is logged as excluded with the first
 * criterion not met as the reason. Both in one audited transaction.
 */
public final class Screening {
    /** The inclusion and exclusion criteria of the SNRB/PELD protocol, phrased so that met = eligible. */
    static final List<String> PROTOCOL = List.of("age_18_to_80", "single_level_ldh", "unilateral_radicular_pain",
            "imaging_consistent_with_symptoms", "failed_conservative_3_months", "no_lumbar_instability",
            "no_cauda_equina_signs", "no_intraspinal_mass", "no_infection_or_joint_disease", "bmi_18_5_to_30",
            "good_general_condition", "clear_diagnosis_complete_data", "consent");
    public static final String CRITERIA_SETTING = "eligibility.criteria";

    private final TrialStore store;

    public Screening(TrialStore store) {
        this.store = store;
    }

    /** The checklist of this study, in order. */
    public List<String> criteria() throws StudyException {
        String configured = store.settings().get(CRITERIA_SETTING);
        if (configured != null && !configured.isBlank()) {
            List<String> out = new ArrayList<>();
            for (String c : configured.split(",")) {
                if (!c.isBlank()) {
                    out.add(c.trim());
                }
            }
            return out;
        }
        Set<String> used = new LinkedHashSet<>();
        for (ScreeningEntry e : store.screeningLog()) {
            used.addAll(store.eligibility(e.id()).keySet());
            if (!used.isEmpty()) {
                break;
            }
        }
        return used.isEmpty() ? PROTOCOL : List.copyOf(used);
    }

    /** A readable label for a criterion key ("bmi_18_5_to_30" → "BMI 18.5 to 30"). */
    public static String label(String criterion) {
        String s = criterion.replace("_5_", ".5_").replace('_', ' ');
        s = s.replace("bmi", "BMI").replace("ldh", "LDH");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The next free screening id (SCR-nnn). */
    public String nextId() throws StudyException {
        int max = 0;
        for (ScreeningEntry e : store.screeningLog()) {
            String id = e.id().toUpperCase(Locale.ROOT);
            if (id.startsWith("SCR-")) {
                try {
                    max = Math.max(max, Integer.parseInt(id.substring(4)));
                } catch (NumberFormatException ignored) {
                    // a lab's own id scheme: leave it out of the numbering
                }
            }
        }
        return String.format(Locale.ROOT, "SCR-%03d", max + 1);
    }

    /**
     * Logs the screening; when every criterion is met and {@code enrollAs} is given, enrolls
     * the subject (revealing its allocation) in the same transaction.
     *
     * @return the enrolled subject, or null when the person was excluded or not enrolled
     */
    public Subject screen(String actor, String screeningId, LocalDate date, Map<String, Boolean> checklist, String enrollAs)
            throws StudyException {
        Map<String, Boolean> list = new LinkedHashMap<>(checklist);
        String failed = list.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).findFirst().orElse(null);
        return store.edit(actor, e -> {
            Subject s = null;
            if (failed == null && enrollAs != null && !enrollAs.isBlank()) {
                s = e.enroll(enrollAs.trim(), null, date, false);
            }
            e.addScreening(new ScreeningEntry(screeningId, date, s == null ? null : s.id(), failed != null,
                    failed == null ? null : "not met: " + failed, false), list);
            return s;
        });
    }
}
