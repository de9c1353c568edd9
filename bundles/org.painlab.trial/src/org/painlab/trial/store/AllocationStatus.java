package org.painlab.trial.store;

/**
 * The state of the stored allocation list, without revealing any arm that was not yet revealed at
 * enrolment (allocation concealment).
 *
 * @param size number of lines in the list (0 when none is stored)
 * @param revealed number of lines already revealed to enrolled subjects
 * @param locked whether the list is locked (required before enrolment)
 * @param source where the list came from, e.g. "generated: permuted blocks, seed 42" or "uploaded: list.csv"
 * @param sha256 SHA-256 of the list content (seq,arm,block,stratum lines), to verify it against a copy
 *
 * @since 0.1
 */
public record AllocationStatus(int size, int revealed, boolean locked, String source, String sha256) {
    /**
     * Lines still available for enrolment.
     *
     * @return size - revealed
     */
    public int remaining() {
        return size - revealed;
    }
}
