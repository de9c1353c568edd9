package org.painlab.mechanism;

import java.util.List;
import java.util.Optional;

import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;
import org.painlab.mechanism.solve.Solver;

/**
 * The ODE solvers contributed to {@code org.painlab.mechanism.solvers}, built-in and third-party alike.
 *
 * @since 0.1
 */
public final class Solvers {
    /** The extension point's id. */
    public static final String POINT = "org.painlab.mechanism.solvers";

    /** One contributed solver. */
    public record Entry(String id, String name, boolean stiff, Contribution<Solver> contribution) {
        /** The solver (created once; solvers keep no state between calls). */
        public Solver solver() throws ContributionException {
            return contribution.get();
        }
    }

    private final ExtensionReader<Solver> reader;

    public Solvers() {
        this(new ExtensionReader<>(POINT, "solver", Solver.class));
    }

    /** @param reader a reader over another registry (tests) */
    public Solvers(ExtensionReader<Solver> reader) {
        this.reader = reader;
    }

    /** Every valid contribution, in order. */
    public List<Entry> all() {
        return reader.read().stream().map(c -> new Entry(c.id(), c.name(), "true".equals(c.attribute("stiff")), c)).toList();
    }

    public Optional<Entry> find(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The first stiff or non-stiff solver. */
    public Optional<Entry> first(boolean stiff) {
        return all().stream().filter(e -> e.stiff() == stiff).findFirst();
    }
}
