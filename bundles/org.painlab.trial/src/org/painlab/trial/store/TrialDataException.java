package org.painlab.trial.store;

import java.util.List;

import org.painlab.core.StudyException;

/**
 * A write to the trial data was refused: the dataset or a visit is locked, a reason is missing,
 * answers are invalid, an id is unknown. The message is for the user and names the subject, visit
 * and instrument concerned; {@link #problems()} lists every problem (e.g. one per invalid item).
 *
 * @since 0.1
 */
public class TrialDataException extends StudyException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    /**
     * A refusal with a single problem.
     *
     * @param message the message
     */
    public TrialDataException(String message) {
        this(message, List.of(message));
    }

    /**
     * A refusal listing several problems.
     *
     * @param message the message (usually naming the first problem and their number)
     * @param problems every problem found
     */
    public TrialDataException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem found.
     *
     * @return an unmodifiable list with at least one element
     */
    public List<String> problems() {
        return problems;
    }
}
