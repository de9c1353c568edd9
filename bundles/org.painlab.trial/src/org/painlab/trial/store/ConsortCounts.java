package org.painlab.trial.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of a CONSORT flow diagram, counted from the stored data.
 *
 * <ul>
 * <li>screened: lines of the screening log (when there is no screening log: the number of subjects);</li>
 * <li>excluded: screening-log lines marked excluded, and by reason (reason code to count, in first
 * appearance order);</li>
 * <li>randomized: subjects with an allocated arm;</li>
 * <li>allocated, lost to follow-up ({@link SubjectStatus#LOST_TO_FOLLOW_UP}), withdrawn
 * ({@link SubjectStatus#WITHDRAWN}) and analysed (allocated minus lost minus withdrawn): arm code to
 * count, in arm order.</li>
 * </ul>
 *
 * @param screened number screened
 * @param excluded number excluded before randomization
 * @param excludedByReason reason code to count
 * @param randomized number randomized
 * @param allocated arm code to number allocated
 * @param lostToFollowUp arm code to number lost to follow-up
 * @param withdrawn arm code to number withdrawn
 * @param analysed arm code to number analysed
 *
 * @since 0.1
 */
public record ConsortCounts(long screened, long excluded, Map<String, Long> excludedByReason, long randomized,
        Map<String, Long> allocated, Map<String, Long> lostToFollowUp, Map<String, Long> withdrawn,
        Map<String, Long> analysed) {

    /** Copies the maps, keeping their order. */
    public ConsortCounts {
        excludedByReason = copy(excludedByReason);
        allocated = copy(allocated);
        lostToFollowUp = copy(lostToFollowUp);
        withdrawn = copy(withdrawn);
        analysed = copy(analysed);
    }

    private static Map<String, Long> copy(Map<String, Long> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * The JSON shape: {@code screened, excluded, excluded_by_reason, randomized, allocated,
     * lost_to_follow_up, withdrawn, analysed}.
     *
     * @return a new ordered map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("screened", screened);
        m.put("excluded", excluded);
        m.put("excluded_by_reason", new LinkedHashMap<>(excludedByReason));
        m.put("randomized", randomized);
        m.put("allocated", new LinkedHashMap<>(allocated));
        m.put("lost_to_follow_up", new LinkedHashMap<>(lostToFollowUp));
        m.put("withdrawn", new LinkedHashMap<>(withdrawn));
        m.put("analysed", new LinkedHashMap<>(analysed));
        return m;
    }
}
