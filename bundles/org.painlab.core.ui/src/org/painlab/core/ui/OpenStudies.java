package org.painlab.core.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;

/**
 * The studies open in the workbench and the one (and the subject) the user has
 * selected. One instance per workbench, obtained as a service
 * ({@code PlatformUI.getWorkbench().getService(OpenStudies.class)}), so every
 * perspective and view sees the same selection: switching from the Clinical to the
 * Imaging perspective keeps the study and the subject.
 * <p>
 * Call from the UI thread; listeners are notified on the caller's thread.
 *
 * @since 0.1
 */
public final class OpenStudies {
    /** Told when studies are opened or closed or the selection changes. */
    public interface Listener {
        void changed(OpenStudies studies);
    }

    /**
     * Told when links between items of a study were made or removed, so every list of an item's links
     * (e.g. {@link org.painlab.core.ui.link.ItemLinksSection}) reads them again.
     *
     * @since 0.1
     */
    public interface LinkListener {
        void linksChanged(Study study);
    }

    private final List<Study> studies = new ArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<LinkListener> linkListeners = new CopyOnWriteArrayList<>();
    private Study selected;
    private String selectedSubject;

    /**
     * Opens the study in {@code folder} (or returns it when already open) and selects it. Opening reads
     * the database on the calling thread: the workbench opens in a job and {@link #add}s the study.
     */
    public Study open(Path folder) throws StudyException {
        Path dir = folder.toAbsolutePath().normalize();
        Optional<Study> already = studies.stream().filter(s -> s.folder().equals(dir)).findFirst();
        Study study = already.isPresent() ? already.get() : Study.open(dir, StudySchemas.contributed());
        if (already.isEmpty()) {
            studies.add(study);
        }
        select(study, null);
        return study;
    }

    /**
     * Adds a study opened off the UI thread ({@link Study#open} in a job, since opening reads and may
     * upgrade the database) and selects it. When its folder is open already, {@code study} is closed
     * and the one open before is selected.
     *
     * @param study a study just opened and not yet added
     * @return the study now open for that folder
     * @since 0.1
     */
    public Study add(Study study) {
        Optional<Study> already = studies.stream().filter(s -> s != study && s.folder().equals(study.folder())).findFirst();
        if (already.isPresent()) {
            study.close();
            select(already.get(), null);
            return already.get();
        }
        if (!studies.contains(study)) {
            studies.add(study);
        }
        select(study, null);
        return study;
    }

    /**
     * As {@link #add}, without taking the user's selection away: the study is selected only when
     * nothing else is (used when reopening studies at start-up).
     *
     * @param study a study just opened and not yet added
     * @return the study now open for that folder
     * @since 0.1
     */
    public Study addQuietly(Study study) {
        Study current = selected;
        String subject = selectedSubject;
        Study added = add(study);
        if (current != null && current != added) {
            select(current, subject);
        }
        return added;
    }

    /** True when the study in {@code folder} is open here. @since 0.1 */
    public boolean isOpen(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        return studies.stream().anyMatch(s -> s.folder().equals(dir));
    }

    /**
     * Opens a study without taking the user's selection away: it is selected only when
     * nothing is (used when reopening studies at start-up).
     */
    public Study openQuietly(Path folder) throws StudyException {
        Study current = selected;
        String subject = selectedSubject;
        Study study = open(folder);
        if (current != null && current != study) {
            select(current, subject);
        }
        return study;
    }

    public void close(Study study) {
        if (studies.remove(study)) {
            study.close();
            if (selected == study) {
                selected = studies.isEmpty() ? null : studies.get(0);
                selectedSubject = null;
            }
            fire();
        }
    }

    public void closeAll() {
        for (Study s : List.copyOf(studies)) {
            s.close();
        }
        studies.clear();
        selected = null;
        selectedSubject = null;
        fire();
    }

    public List<Study> studies() {
        return List.copyOf(studies);
    }

    public Optional<Study> selected() {
        return Optional.ofNullable(selected);
    }

    /** The pseudonymous id of the selected subject in the selected study, if any. */
    public Optional<String> selectedSubject() {
        return Optional.ofNullable(selectedSubject);
    }

    public void select(Study study, String subjectId) {
        if (study != null && !studies.contains(study)) {
            throw new IllegalArgumentException("study " + study.folder() + " is not open");
        }
        if (study == selected && java.util.Objects.equals(subjectId, selectedSubject)) {
            return;
        }
        selected = study;
        selectedSubject = subjectId;
        fire();
    }

    /** Tells listeners that the content of a study changed (e.g. after an import). */
    public void refresh() {
        fire();
    }

    /**
     * Tells link listeners that links of {@code study} changed: call it after storing a link
     * ({@code LinkTargets.link}) so the items' links shown anywhere in the workbench are read again.
     * Only link listeners are told: views that show no links are not reloaded.
     *
     * @since 0.1
     */
    public void linksChanged(Study study) {
        for (LinkListener l : linkListeners) {
            l.linksChanged(study);
        }
    }

    /** @since 0.1 */
    public void addLinkListener(LinkListener l) {
        linkListeners.add(l);
    }

    /** @since 0.1 */
    public void removeLinkListener(LinkListener l) {
        linkListeners.remove(l);
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void fire() {
        for (Listener l : listeners) {
            l.changed(this);
        }
    }
}
