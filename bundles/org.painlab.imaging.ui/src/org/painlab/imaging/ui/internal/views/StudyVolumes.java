package org.painlab.imaging.ui.internal.views;

import java.util.List;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;

/**
 * The stored volumes of a study as the Volumes list shows them, and their voxels: the one class that reads
 * the imaging engine's study store.
 */
public final class StudyVolumes {
    /** An image and its mask (null when it has none). */
    public record Loaded(Volume image, Volume mask) {
    }

    /**
     * @param study an open study
     * @param subject a subject id, or null for every subject
     * @return the images (not the masks), by subject, side, level
     */
    public List<VolumeEntry> list(Study study, String subject) throws StudyException {
        throw new StudyException(study.folder() + ": this build has no imaging store (volumes are stored in the"
                + " study from the next version); open a volume file with Imaging > Open Volume File...");
    }

    /** Reads the image and its mask. */
    public Loaded load(Study study, VolumeEntry entry) throws StudyException, ImagingException {
        throw new StudyException(study.folder() + ": this build has no imaging store to load volume " + entry.id());
    }
}
