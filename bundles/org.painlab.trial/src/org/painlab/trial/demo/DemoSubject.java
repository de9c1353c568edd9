package org.painlab.trial.demo;

import java.util.Map;

/**
 * One SIMULATED randomized subject of the demo trial.
 *
 * @param subjectId e.g. "SIM-001"
 * @param seq allocation sequence number (1-based, order of randomization)
 * @param arm "S" (SNRB + PELD) or "P" (PELD only)
 * @param block permuted-block number of the allocation
 * @param baseline baseline and perioperative variables
 * @param visits visit id ({@link DemoTrial#VISITS}) to instrument id to item id to answer; a visit the
 *     subject missed is absent (subjects lost to follow-up have no "month3"); unmodifiable, ordered
 * @param lostToFollowUp whether the subject missed the 3-month visit
 *
 * @since 0.1
 */
public record DemoSubject(String subjectId, int seq, String arm, int block, DemoBaseline baseline,
        Map<String, Map<String, Map<String, Double>>> visits, boolean lostToFollowUp) {

    /**
     * Always true: every demo subject is simulated.
     *
     * @return true
     */
    public boolean simulated() {
        return true;
    }
}
