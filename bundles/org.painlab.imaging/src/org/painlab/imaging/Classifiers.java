package org.painlab.imaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;
import org.painlab.imaging.classify.Classifier;

/**
 * The classifiers contributed to {@code org.painlab.imaging.classifiers} (the random forest {@code rf},
 * the 3D CNN {@code cnn}, a lab's own), found by id. Broken contributions are logged and skipped by
 * core's {@link ExtensionReader}.
 *
 * @since 0.1
 */
public final class Classifiers {
    /** The extension point id. */
    public static final String POINT = "org.painlab.imaging.classifiers";

    private final ExtensionReader<Classifier> extensions = new ExtensionReader<>(POINT, "classifier", Classifier.class);

    /** A contributed classifier: its id, name and contributing bundle. */
    public record ClassifierInfo(String id, String name, String contributor) {
    }

    /** The valid contributions, in their order. */
    public List<ClassifierInfo> list() {
        List<ClassifierInfo> out = new ArrayList<>();
        for (Contribution<Classifier> c : extensions.read()) {
            out.add(new ClassifierInfo(c.id(), c.name(), c.contributor()));
        }
        return out;
    }

    /** The contribution with {@code id}, if installed and valid. */
    public Optional<Contribution<Classifier>> find(String id) {
        return extensions.find(id);
    }

    /**
     * A new instance of the classifier {@code id}.
     *
     * @throws IllegalArgumentException naming the installed ids when there is no such classifier, or
     *         naming the contributor when it cannot be created
     */
    public Classifier require(String id) {
        Contribution<Classifier> c = find(id).orElseThrow(() -> new IllegalArgumentException("no classifier '" + id
                + "' is installed; installed: " + list().stream().map(ClassifierInfo::id).toList()));
        try {
            return c.get();
        } catch (ContributionException e) {
            throw new IllegalArgumentException("the classifier '" + id + "' from " + c.contributor()
                    + " cannot be created: " + e.getMessage(), e);
        }
    }
}
