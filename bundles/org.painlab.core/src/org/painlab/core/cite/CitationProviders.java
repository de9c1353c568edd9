package org.painlab.core.cite;

import java.util.List;
import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;

/**
 * The installed citation providers (contributed through {@code org.painlab.core.citationProviders}):
 * the one door through which a report cites references of its study. The first provider by its
 * {@code order} is used.
 *
 * @since 0.1
 */
public final class CitationProviders {
    /** The extension point providers are contributed to. */
    public static final String POINT = "org.painlab.core.citationProviders";
    private final List<Contribution<CitationProvider>> providers;

    /** Reads the installed providers. */
    public CitationProviders() {
        this(new ExtensionReader<>(POINT, "provider", CitationProvider.class).read());
    }

    /** @param providers the providers, in the order they are asked */
    public CitationProviders(List<Contribution<CitationProvider>> providers) {
        this.providers = List.copyOf(providers);
    }

    /** @return the installed providers */
    public List<Contribution<CitationProvider>> contributions() {
        return providers;
    }

    /**
     * @return the provider to use, or empty when no plugin formats citations
     * @throws StudyException if the provider cannot be created
     */
    public Optional<CitationProvider> provider() throws StudyException {
        if (providers.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(providers.get(0).get());
        } catch (ContributionException e) {
            throw new StudyException(e.getMessage(), e);
        }
    }

    /**
     * @return the provider to use
     * @throws StudyException saying that no installed plugin formats citations, and what to install
     */
    public CitationProvider require() throws StudyException {
        return provider().orElseThrow(() -> new StudyException(NONE));
    }

    /**
     * As {@link CitationProvider#cite}, through the provider to use.
     *
     * @param study an open study
     * @param citations the keys cited at each place of the document
     * @param style a style name
     * @return the citations and the bibliography
     * @throws StudyException when no provider is installed, a key is not in the library or the style is unknown
     */
    public CitedReferences cite(Study study, List<List<String>> citations, String style) throws StudyException {
        return require().cite(study, citations, style);
    }

    /** The message when nothing is contributed to {@link #POINT}. */
    public static final String NONE = "no installed plugin formats citations (contributions to " + POINT
            + "): install PainLab Literature, which cites from the study's library";
}
