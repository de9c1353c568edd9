package org.painlab.imaging.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.store.ImagingStore;
import org.painlab.imaging.store.StoredVolume;

/**
 * The stored volumes of a study as the Volumes list shows them, and their voxels: the one class that reads
 * the imaging engine's study store ({@link ImagingStore}). Their links show in core.ui's links section, by
 * the link target {@value #VOLUME_TARGET} and the volume's id.
 */
public final class StudyVolumes {
    /** The link target id imaging contributes for volumes. */
    public static final String VOLUME_TARGET = "volume";

    /** An image and its mask (null when it has none). */
    public record Loaded(Volume image, Volume mask) {
    }

    /**
     * @param study an open study
     * @param subject a subject id, or null for every subject
     * @return the images (not the masks), by subject, side, level
     */
    public List<VolumeEntry> list(Study study, String subject) throws StudyException {
        ImagingStore store = new ImagingStore(study);
        List<VolumeEntry> out = new ArrayList<>();
        for (StoredVolume v : subject == null ? store.volumes() : store.volumes(subject)) {
            out.add(new VolumeEntry(v.id(), v.subjectId(), v.site().side().id(), v.site().level(), v.dims(), v.spacing(),
                    v.mriGrade(), v.maskId() != null));
        }
        return out;
    }

    /** Reads the image and its mask (checked against the SHA-256 stored with them). */
    public Loaded load(Study study, VolumeEntry entry) throws StudyException, ImagingException {
        ImagingStore store = new ImagingStore(study);
        StoredVolume v = store.get(entry.id()).orElseThrow(() -> new StudyException(study.folder() + ": volume "
                + entry.id() + " is no longer in the study"));
        return new Loaded(store.load(v), store.loadMask(v).orElse(null));
    }
}
