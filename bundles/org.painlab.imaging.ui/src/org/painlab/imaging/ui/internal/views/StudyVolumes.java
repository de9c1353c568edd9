package org.painlab.imaging.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.link.ItemLink;
import org.painlab.core.link.LinkTargets;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.store.ImagingStore;
import org.painlab.imaging.store.StoredVolume;

/**
 * The stored volumes of a study as the Volumes list shows them, and their voxels: the one class that reads
 * the imaging engine's study store ({@link ImagingStore}), and their links.
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

    /**
     * The links and backlinks of a volume (core's {@link LinkTargets}, link target {@code volume}), each as
     * "links to" / "linked from" and the other end's label ("gone" when it no longer resolves).
     */
    public List<String> links(Study study, VolumeEntry entry) throws StudyException {
        LinkTargets targets = new LinkTargets();
        String key = Long.toString(entry.id());
        List<String> out = new ArrayList<>();
        for (ItemLink l : targets.linksOf(study, VOLUME_TARGET, key)) {
            boolean outgoing = l.fromType().equals(VOLUME_TARGET) && l.fromKey().equals(key);
            String type = outgoing ? l.toType() : l.fromType();
            String other = outgoing ? l.toKey() : l.fromKey();
            String label;
            try {
                label = targets.resolve(study, type, other).orElse(type + " " + other + " (gone)");
            } catch (StudyException e) {
                // a link to an item of a plug-in that is no longer installed
                label = type + " " + other + " (" + e.getMessage() + ")";
            }
            out.add((outgoing ? "links to " : "linked from ") + label);
        }
        return out;
    }
}
