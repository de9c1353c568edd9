package org.painlab.trial.cli.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyDemos;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;

/** Studies for the command tests, made with the contributed schemas and demo, as {@code study create} makes them. */
final class CliStudies {
    /** Seed of the demo the tests use. */
    static final long SEED = 20261123L;

    private CliStudies() {
    }

    static Study create(Path dir) throws StudyException {
        return Study.create(dir, dir.getFileName().toString(), StudySchemas.contributed());
    }

    static Study demo(Path dir) throws StudyException {
        Study s = create(dir);
        StudyDemos.get("snrb-peld").fill(s, SEED, new NullProgressMonitor());
        return s;
    }

    static Study open(Path dir) throws StudyException {
        return Study.open(dir, StudySchemas.contributed());
    }
}
