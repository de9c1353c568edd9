package org.painlab.stats.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.data.DataProvider;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.SimulatedTrial;

/** Test provider: the simulated trial named by {@code files/simulated-trial.txt} ("n seed"). */
public class SimulatedTrialProvider implements DataProvider {
    @Override
    public Optional<SubjectData> subjectData(Study study) throws StudyException {
        Path spec = study.filesFolder().resolve("simulated-trial.txt");
        if (!Files.isRegularFile(spec)) {
            return Optional.empty();
        }
        try {
            String[] f = Files.readString(spec).trim().split("\\s+");
            return Optional.of(SimulatedTrial.generate(Integer.parseInt(f[0]), Long.parseLong(f[1])));
        } catch (IOException e) {
            throw new StudyException(spec + ": " + e.getMessage(), e);
        }
    }
}
