package org.painlab.core.analysis;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.painlab.core.StudyException;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;

/**
 * The analyses installed in the workbench, contributed through {@code org.painlab.core.analyses}
 * (the paper tables of statistics, later model comparison, fitting, meta-analysis), looked up
 * by their stable id.
 *
 * @since 0.1
 */
public final class Analyses {
    /** The extension point analyses are contributed to. */
    public static final String POINT = "org.painlab.core.analyses";
    private final List<Contribution<Analysis>> contributions;

    /** Reads the installed analyses. */
    public Analyses() {
        this.contributions = new ExtensionReader<>(POINT, "analysis", Analysis.class).read();
    }

    /** @return the installed analyses, in contribution order */
    public List<Contribution<Analysis>> contributions() {
        return contributions;
    }

    /** @param id an analysis id @return its contribution, if installed */
    public Optional<Contribution<Analysis>> find(String id) {
        return contributions.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * @param id an analysis id
     * @return the contribution
     * @throws StudyException naming the installed analyses when none has {@code id}
     */
    public Contribution<Analysis> require(String id) throws StudyException {
        return find(id).orElseThrow(() -> new StudyException("unknown analysis '" + id + "'; installed: "
                + contributions.stream().map(Contribution::id).collect(Collectors.joining(", "))));
    }

    /**
     * @param c a contribution
     * @return its implementation
     * @throws StudyException naming the contribution when it cannot be created
     */
    static Analysis create(Contribution<Analysis> c) throws StudyException {
        try {
            return c.get();
        } catch (ContributionException e) {
            throw new StudyException(e.getMessage(), e);
        }
    }
}
