package org.painlab.core.importer;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;

/**
 * Brings one kind of file into a study. Contributed through
 * {@code org.painlab.core.importers}. An import is all or nothing: write inside one
 * {@link Study#transaction}, and throw {@link ImportException} listing every problem.
 *
 * @since 0.1
 */
public interface Importer {
    /** Imports {@code file} into {@code study}; options are importer-specific (e.g. a mapping file). */
    ImportSummary importFile(Study study, Path file, Map<String, String> options, IProgressMonitor monitor)
            throws ImportException, StudyException;
}
