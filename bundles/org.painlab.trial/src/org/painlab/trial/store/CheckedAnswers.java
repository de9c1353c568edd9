package org.painlab.trial.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.painlab.trial.instrument.Instrument;

/**
 * One instrument's answers at one visit as {@link AnswerChecker#check} left them: the answered items in
 * item order, each value on its step grid. Only the checker makes one and it cannot be changed, so
 * {@link TrialEditor#importSubject(CheckedSubject, String)} writes it without validating and scoring it
 * again (an import did that three times per answer set, a fifth of its time).
 *
 * @since 0.1
 */
public final class CheckedAnswers {
    private final Instrument instrument;
    private final String visitId;
    // shared between the answer sets that answer every item of an instrument: never handed out
    private final String[] itemIds;
    private final double[] values;
    private final boolean itemIdsShared;

    CheckedAnswers(Instrument instrument, String visitId, String[] itemIds, double[] values, boolean itemIdsShared) {
        this.instrument = instrument;
        this.visitId = visitId;
        this.itemIds = itemIds;
        this.values = values;
        this.itemIdsShared = itemIdsShared;
    }

    /** @return the instrument the answers were checked against */
    Instrument instrument() {
        return instrument;
    }

    /**
     * The instrument.
     *
     * @return its id
     */
    public String instrumentId() {
        return instrument.id();
    }

    /**
     * The visit.
     *
     * @return its id
     */
    public String visitId() {
        return visitId;
    }

    /**
     * How many items are answered.
     *
     * @return the count (0 for an answer set without answers)
     */
    public int size() {
        return values.length;
    }

    /**
     * An answered item.
     *
     * @param i 0 to {@link #size()} - 1, in item order
     * @return its id
     */
    public String itemId(int i) {
        return itemIds[i];
    }

    /**
     * An answer.
     *
     * @param i 0 to {@link #size()} - 1, in item order
     * @return its value
     */
    public double value(int i) {
        return values[i];
    }

    /**
     * The answers as a map.
     *
     * @return item id to value, in item order (unmodifiable)
     */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(itemIds[i], values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The item ids as the store writes them (the shared array itself: callers in this package only read it). */
    String[] itemIdArray() {
        return itemIds;
    }

    /** The values boxed, as JDBC takes an array parameter. */
    Double[] boxedValues() {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /**
     * Bytes this object keeps on the heap, roughly, not counting an item id array shared with other sets
     * (for an import deciding whether the checked rows fit its memory budget).
     *
     * @return an estimate
     */
    public long heapBytes() {
        return 32 + 16 + 8L * values.length + (itemIdsShared ? 0 : 16 + 4L * itemIds.length);
    }
}
