package org.painlab.literature;

import java.nio.file.Files;
import java.nio.file.Path;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.store.AuditLog;

/**
 * The search index of a study's references and notes (with their tags), kept in {@code index/literature} of the study folder
 * and rebuilt from the store when the store changed since it was written (every change to a
 * reference, note or tag writes an audit row, so the reference count and the audit trail's length tell). A study
 * on a read-only medium is searched through an index built in memory.
 *
 * @since 0.1
 */
public final class LibrarySearch {
    private final Study study;

    public LibrarySearch(Study study) {
        this.study = study;
    }

    /** Where the index is kept. */
    public Path folder() {
        return study.folder().resolve("index").resolve("literature");
    }

    /** The current index (built or rebuilt when needed); close it when done. */
    public LiteratureIndex open() throws LiteratureException, StudyException {
        LiteratureStore store = new LiteratureStore(study, null);
        long audit = study.read(c -> new AuditLog(c).size());
        String version = store.count() + ":" + audit;
        Path folder = folder();
        if (version.equals(LiteratureIndex.versionIn(folder))) {
            return LiteratureIndex.open(folder);
        }
        boolean writable = Files.isDirectory(folder) ? Files.isWritable(folder) : Files.isWritable(study.folder());
        LibraryExtras extras = new LibraryExtras(new NoteStore(study, null).list(), new TagStore(study, null).all());
        return LiteratureIndex.build(store.list(), extras, writable ? folder : null, version);
    }
}
