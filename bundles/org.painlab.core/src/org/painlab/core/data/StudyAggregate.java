package org.painlab.core.data;

/**
 * One arm's summary of one outcome as a paper reports it (n, mean and SD of a continuous
 * outcome, or events out of a total): what meta-analysis pools, without the subject-level data.
 *
 * @param source the reference or study it comes from (a citation key, a DOI, a study id)
 * @param outcome the outcome, e.g. "vas"
 * @param timePoint when it was measured, e.g. "3 months", or null
 * @param arm the arm or group, e.g. "SNRB"
 * @param n subjects analysed (continuous outcomes), or null
 * @param mean the mean, or null
 * @param sd the standard deviation, or null
 * @param events subjects with the event (binary outcomes), or null
 * @param total subjects at risk (binary outcomes), or null
 * @param location where in the source the numbers stand (page, table), or null
 * @since 0.1
 */
public record StudyAggregate(String source, String outcome, String timePoint, String arm, Integer n, Double mean,
        Double sd, Integer events, Integer total, String location) {

    /** Checks that the aggregate is either continuous (n, mean, SD) or binary (events of total). */
    public StudyAggregate {
        if (source == null || outcome == null || arm == null) {
            throw new IllegalArgumentException("an aggregate needs its source, outcome and arm");
        }
        boolean continuous = n != null && mean != null && sd != null;
        boolean binary = events != null && total != null;
        if (continuous == binary) {
            throw new IllegalArgumentException(source + " / " + outcome + " / " + arm
                    + ": give either n, mean and SD, or events and total");
        }
        if (continuous && (n <= 0 || sd < 0)) {
            throw new IllegalArgumentException(source + " / " + outcome + " / " + arm + ": n must be > 0 and SD >= 0");
        }
        if (binary && (events < 0 || total <= 0 || events > total)) {
            throw new IllegalArgumentException(source + " / " + outcome + " / " + arm
                    + ": events must lie in 0.." + total);
        }
    }

    /** @return true for n/mean/SD, false for events/total */
    public boolean continuous() {
        return mean != null;
    }
}
