package org.painlab.trial.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.store.StudySchema;
import org.painlab.trial.internal.demo.SnrbPeldDemo;
import org.painlab.trial.internal.store.TrialSchema;

/**
 * Studies for the trial tests: with the contributed schemas when the platform runs (OSGi tests),
 * else the core and trial schemas directly (plain JUnit).
 */
public final class TrialTestStudies {
    /** Seed of the demo used by the tests. */
    public static final long SEED = 20261123L;

    private TrialTestStudies() {
    }

    /**
     * The schemas of a study.
     *
     * @return core then trial
     */
    public static List<StudySchema> schemas() {
        try {
            List<StudySchema> contributed = StudySchemas.contributed();
            if (contributed.stream().anyMatch(s -> s.area().equals(TrialSchema.AREA))) {
                return contributed;
            }
        } catch (RuntimeException | LinkageError e) {
            // no running platform
        }
        List<StudySchema> out = new ArrayList<>();
        try {
            out.add((StudySchema) Class.forName("org.painlab.core.internal.CoreSchema").getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("core schema not found", e);
        }
        out.add(new TrialSchema());
        return out;
    }

    /**
     * A new empty study.
     *
     * @param dir a new folder
     * @return the open study
     * @throws StudyException when it cannot be created
     */
    public static Study create(Path dir) throws StudyException {
        return Study.create(dir, dir.getFileName().toString(), schemas());
    }

    /**
     * A new study filled with the snrb-peld demo.
     *
     * @param dir a new folder
     * @return the open study
     * @throws StudyException when it cannot be created
     */
    public static Study demo(Path dir) throws StudyException {
        Study s = create(dir);
        new SnrbPeldDemo().fill(s, SEED, new NullProgressMonitor());
        return s;
    }

    /**
     * Opens a study.
     *
     * @param dir its folder
     * @return the open study
     * @throws StudyException when it cannot be opened
     */
    public static Study open(Path dir) throws StudyException {
        return Study.open(dir, schemas());
    }
}
