package org.painlab.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;

/**
 * The one door through which analyses read a study's data: it asks every installed
 * {@link DataProvider} (contributed through {@code org.painlab.core.dataProviders}) and merges
 * what they give. Subject-level data come from the first provider, by contribution order, that
 * has any for the study.
 *
 * @since 0.1
 */
public final class StudyData {
    /** The extension point providers are contributed to. */
    public static final String POINT = "org.painlab.core.dataProviders";
    private final List<Contribution<DataProvider>> providers;

    /** Reads the installed providers. */
    public StudyData() {
        this(new ExtensionReader<>(POINT, "provider", DataProvider.class).read());
    }

    /** @param providers the providers to ask, in order */
    public StudyData(List<Contribution<DataProvider>> providers) {
        this.providers = List.copyOf(providers);
    }

    /** @return the installed providers, in the order they are asked */
    public List<Contribution<DataProvider>> providers() {
        return providers;
    }

    /**
     * @param study an open study
     * @return the subject-level data and the provider that gave them, or empty when no provider has any
     * @throws StudyException if the study cannot be read or a provider fails
     */
    public Optional<Provided<SubjectData>> subjectData(Study study) throws StudyException {
        for (Contribution<DataProvider> c : providers) {
            Optional<SubjectData> d = provider(c).subjectData(study);
            if (d.isPresent()) {
                return Optional.of(new Provided<>(d.get(), c.contributor()));
            }
        }
        return Optional.empty();
    }

    /**
     * @param study an open study
     * @return the subject-level data
     * @throws StudyException naming the study when no installed plugin provides any
     */
    public Provided<SubjectData> requireSubjectData(Study study) throws StudyException {
        return subjectData(study).orElseThrow(() -> new StudyException(study.folder()
                + ": no installed plugin provides subject-level data for this study (installed providers: "
                + providers.stream().map(Contribution::id).toList() + ")"));
    }

    /**
     * @param study an open study
     * @return clustered observations of every provider
     * @throws StudyException if the study cannot be read
     */
    public List<ClusteredObservations> clusteredObservations(Study study) throws StudyException {
        List<ClusteredObservations> out = new ArrayList<>();
        for (Contribution<DataProvider> c : providers) {
            out.addAll(provider(c).clusteredObservations(study));
        }
        return out;
    }

    /**
     * @param study an open study
     * @return aggregates of every provider
     * @throws StudyException if the study cannot be read
     */
    public List<StudyAggregate> aggregates(Study study) throws StudyException {
        List<StudyAggregate> out = new ArrayList<>();
        for (Contribution<DataProvider> c : providers) {
            out.addAll(provider(c).aggregates(study));
        }
        return out;
    }

    /**
     * @param study an open study
     * @return time courses of every provider
     * @throws StudyException if the study cannot be read
     */
    public List<TimeCourse> timeCourses(Study study) throws StudyException {
        List<TimeCourse> out = new ArrayList<>();
        for (Contribution<DataProvider> c : providers) {
            out.addAll(provider(c).timeCourses(study));
        }
        return out;
    }

    private static DataProvider provider(Contribution<DataProvider> c) throws StudyException {
        try {
            return c.get();
        } catch (ContributionException e) {
            throw new StudyException(e.getMessage(), e);
        }
    }

    /**
     * Data with the bundle that provided them (recorded in a result's provenance).
     *
     * @param <T> the kind of data
     * @param data the data
     * @param provider symbolic name of the providing bundle
     */
    public record Provided<T>(T data, String provider) {
    }
}
