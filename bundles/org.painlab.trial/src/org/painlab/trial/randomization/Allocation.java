package org.painlab.trial.randomization;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of an allocation list: the subject's sequence number and the arm it is allocated to.
 *
 * @param seq 1-based sequence number (order of enrolment)
 * @param arm arm code
 * @param block 1-based block number within the stratum (or within the whole list when
 *     unstratified); null for simple randomization
 * @param stratum stratum label, null when unstratified
 *
 * @since 0.1
 */
public record Allocation(int seq, String arm, Integer block, String stratum) {

    /**
     * The JSON shape {@code {"seq":1,"arm":"S","block":1,"stratum":null}}.
     *
     * @return an ordered map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(8);
        m.put("seq", seq);
        m.put("arm", arm);
        m.put("block", block);
        m.put("stratum", stratum);
        return m;
    }
}
