package org.painlab.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;
import org.painlab.stats.plan.ComparisonKind;

/**
 * The statistical tests installed in the workbench (built-ins and those of other plugins,
 * contributed through {@code org.painlab.stats.tests}), looked up by their method id or by the
 * kind of data they declare in {@code appliesTo}.
 *
 * @since 0.1
 */
public final class StatisticalTests {
    /** The extension point the tests are contributed to. */
    public static final String POINT = "org.painlab.stats.tests";
    /** The attribute listing the {@link ComparisonKind}s a test takes, comma-separated. */
    public static final String APPLIES_TO = "appliesTo";
    /** The bundle whose contributions are the built-ins: listed first, in their {@code order}. */
    private static final String BUILT_IN = "org.painlab.stats";
    /** Unknown appliesTo words this registry reported, so the Error Log says it once and not at every menu. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final ExtensionReader<StatisticalTest> reader = new ExtensionReader<>(POINT, "test", StatisticalTest.class);

    /** @return the valid contributions, ordered by their {@code order} attribute then id */
    public List<Contribution<StatisticalTest>> contributions() {
        return reader.read();
    }

    /**
     * @param id a method id
     * @return the test, or empty when none is installed (or it cannot be created: logged by the reader)
     */
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

    /**
     * @param id a method id
     * @return the test with {@code id}
     * @throws IllegalArgumentException naming the installed ids when there is none
     */
    public StatisticalTest get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown test '" + id + "'; installed: "
                + reader.read().stream().map(Contribution::id).collect(Collectors.joining(", "))));
    }

    /**
     * The tests that declare a kind of data: the built-ins first (in their {@code order}), then
     * those of other plugins by name.
     *
     * @param kind the kind of the comparison at hand
     * @return the contributions, possibly empty
     */
    public List<Contribution<StatisticalTest>> applicableTo(ComparisonKind kind) {
        List<Contribution<StatisticalTest>> builtIn = new ArrayList<>();
        List<Contribution<StatisticalTest>> others = new ArrayList<>();
        for (Contribution<StatisticalTest> c : reader.read()) {
            if (appliesTo(c).contains(kind)) {
                (BUILT_IN.equals(c.contributor()) ? builtIn : others).add(c);
            }
        }
        others.sort(Comparator.comparing((Contribution<StatisticalTest> c) -> c.name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Contribution::id));
        builtIn.addAll(others);
        return builtIn;
    }

    /**
     * The kinds a contribution declares. A word outside the vocabulary is reported to the Error
     * Log with the contributor and left out, so a typo does not hide the test without a word.
     *
     * @param c a contribution
     * @return its kinds, empty when it declares none
     */
    public Set<ComparisonKind> appliesTo(Contribution<StatisticalTest> c) {
        Set<ComparisonKind> out = EnumSet.noneOf(ComparisonKind.class);
        String declared = c.attribute(APPLIES_TO);
        if (declared == null || declared.isBlank()) {
            return out;
        }
        for (String word : declared.split(",")) {
            if (word.isBlank()) {
                continue;
            }
            Optional<ComparisonKind> k = ComparisonKind.find(word);
            if (k.isPresent()) {
                out.add(k.get());
            } else if (reported.add(c.contributor() + "/" + c.id() + "/" + word.trim())) {
                ILog.of(StatisticalTests.class).log(new Status(IStatus.WARNING, BUILT_IN, POINT + ": test '" + c.id()
                        + "' of bundle " + c.contributor() + ": appliesTo '" + word.trim() + "' is not a known kind ("
                        + ComparisonKind.vocabulary() + "); ignored"));
            }
        }
        return out;
    }
}
