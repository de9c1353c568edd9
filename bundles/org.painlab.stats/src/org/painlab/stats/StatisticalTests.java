package org.painlab.stats;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;

/**
 * The statistical tests installed in the workbench (built-ins and those of other plugins,
 * contributed through {@code org.painlab.stats.tests}), looked up by their method id.
 */
public final class StatisticalTests {
    public static final String POINT = "org.painlab.stats.tests";
    private final ExtensionReader<StatisticalTest> reader = new ExtensionReader<>(POINT, "test", StatisticalTest.class);

    public List<Contribution<StatisticalTest>> contributions() {
        return reader.read();
    }

    public Optional<StatisticalTest> find(String id) {
        Optional<Contribution<StatisticalTest>> c = reader.find(id);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(c.get().get());
        } catch (ContributionException e) {
            return Optional.empty();
        }
    }

    /** The test with {@code id}; the error lists the installed ids. */
    public StatisticalTest get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown test '" + id + "'; installed: "
                + reader.read().stream().map(Contribution::id).collect(Collectors.joining(", "))));
    }
}
