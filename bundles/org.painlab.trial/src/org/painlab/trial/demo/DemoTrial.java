package org.painlab.trial.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SIMULATED trial with the design of the lab's SNRB-before-PELD trial, made by
 * {@link DemoTrialGenerator}: for demonstrations, tutorials and tests, never for inference.
 *
 * @param simulated always true
 * @param description what the data are (says "SIMULATED" and the seed)
 * @param seed the generator seed
 * @param subjects randomized subjects in seq order
 * @param screenings everyone screened, in screening order (randomized and excluded)
 *
 * @since 0.1
 */
public record DemoTrial(boolean simulated, String description, long seed, List<DemoSubject> subjects,
        List<DemoScreening> screenings) {

    /** Visit ids in time order. */
    public static final List<String> VISITS = List.of("admission", "pre_surgery", "day3", "month3");
    /** Arm codes: S = selective nerve root block one day before PELD, P = PELD only. */
    public static final List<String> ARMS = List.of("S", "P");

    /** Copies the lists. */
    public DemoTrial {
        subjects = List.copyOf(subjects);
        screenings = List.copyOf(screenings);
    }

    /**
     * CONSORT flow counts: {@code screened}, {@code excluded}, {@code excluded_by_reason} (reason code
     * to count, in {@link ExclusionReason} order, reasons with zero omitted), {@code randomized},
     * {@code allocated}, {@code lost_to_follow_up} and {@code analysed} (each arm code to count).
     *
     * @return an ordered map
     */
    public Map<String, Object> consortCounts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("screened", screenings.size());
        Map<String, Integer> byReason = new LinkedHashMap<>();
        int excluded = 0;
        for (ExclusionReason r : ExclusionReason.values()) {
            int c = 0;
            for (DemoScreening s : screenings) {
                if (s.exclusion() == r) {
                    c++;
                }
            }
            if (c > 0) {
                byReason.put(r.code(), c);
                excluded += c;
            }
        }
        m.put("excluded", excluded);
        m.put("excluded_by_reason", byReason);
        m.put("randomized", subjects.size());
        Map<String, Integer> allocated = new LinkedHashMap<>();
        Map<String, Integer> lost = new LinkedHashMap<>();
        Map<String, Integer> analysed = new LinkedHashMap<>();
        for (String arm : ARMS) {
            int a = 0;
            int l = 0;
            for (DemoSubject s : subjects) {
                if (s.arm().equals(arm)) {
                    a++;
                    if (s.lostToFollowUp()) {
                        l++;
                    }
                }
            }
            allocated.put(arm, a);
            lost.put(arm, l);
            analysed.put(arm, a - l);
        }
        m.put("allocated", allocated);
        m.put("lost_to_follow_up", lost);
        m.put("analysed", analysed);
        return m;
    }
}
