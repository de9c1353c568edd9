package org.painlab.imaging.internal.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.link.LinkTarget;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.evaluate.ModelTraining;
import org.painlab.imaging.store.ImagingStore;
import org.painlab.imaging.store.StoredVolume;

/**
 * The imaging items a note or result can link to: stored volumes and masks (key: the volume's id in the study)
 * and saved models (key: the id of the cross-validation result the model was saved with).
 */
public final class ImagingLinkTargets {
    private ImagingLinkTargets() {
    }

    /** Links to a stored volume or mask; gone when its row or its file is gone. */
    public static final class VolumeTarget implements LinkTarget {
        @Override
        public Optional<String> resolve(Study study, String key) throws StudyException {
            Optional<Long> id = number(key);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            ImagingStore store = new ImagingStore(study);
            Optional<StoredVolume> v = store.get(id.get());
            if (v.isEmpty() || !Files.isRegularFile(store.path(v.get()))) {
                return Optional.empty();
            }
            return Optional.of(label(v.get()));
        }
    }

    /** Links to a model saved in the study by a training; gone when the result or the model file is gone. */
    public static final class ModelTarget implements LinkTarget {
        @Override
        public Optional<String> resolve(Study study, String key) throws StudyException {
            Optional<Long> id = number(key);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            Optional<StoredResult> r = new ResultStore(study).get(id.get());
            if (r.isEmpty()) {
                return Optional.empty();
            }
            Optional<Path> file = ModelTraining.savedModel(study, r.get());
            return file.map(f -> "Model " + r.get().body().get("model") + " trained on all cases (result " + r.get().id() + ", "
                    + study.folder().relativize(f).toString().replace('\\', '/') + ")");
        }
    }

    /** "Volume 12: subject S-003, left L4-L5, imaging/S-003/left-L4-L5.nrrd" ("Mask 13: ..." for a mask). */
    public static String label(StoredVolume v) {
        return (v.mask() ? "Mask " : "Volume ") + v.id() + ": subject " + v.subjectId() + ", " + v.site().side().id() + " "
                + v.site().level() + ", " + v.file();
    }

    private static Optional<Long> number(String key) {
        try {
            return Optional.of(Long.parseLong(key.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
