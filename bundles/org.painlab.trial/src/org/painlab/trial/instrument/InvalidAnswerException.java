package org.painlab.trial.instrument;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown by {@link Instrument#score(java.util.Map)} when one or more answers are not valid: an
 * unknown item id, a value out of range, a value off the item's step grid or not one of its choices.
 * All problems of one answer set are reported together ({@link #problems()}), and the message names
 * each item id, value and valid range.
 *
 * @since 0.1
 */
public class InvalidAnswerException extends IllegalArgumentException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** The instrument id. */
    private final String instrumentId;
    private final transient List<AnswerProblem> problems;

    /**
     * Creates the exception.
     *
     * @param instrumentId the instrument whose answers were checked
     * @param problems every problem found (at least one)
     */
    public InvalidAnswerException(String instrumentId, List<AnswerProblem> problems) {
        super(message(instrumentId, problems));
        this.instrumentId = instrumentId;
        this.problems = List.copyOf(problems);
    }

    private static String message(String instrumentId, List<AnswerProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidAnswerException needs at least one problem");
        }
        return "invalid answers for " + instrumentId + " (" + problems.size()
                + (problems.size() == 1 ? " problem): " : " problems): ")
                + problems.stream().map(AnswerProblem::describe).collect(Collectors.joining("; "));
    }

    /**
     * The instrument id.
     *
     * @return e.g. "odi"
     */
    public String instrumentId() {
        return instrumentId;
    }

    /**
     * All problems, in the order the answers were checked.
     *
     * @return an unmodifiable list with at least one element
     */
    public List<AnswerProblem> problems() {
        return problems;
    }
}
