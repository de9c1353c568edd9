package org.painlab.imaging.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.imaging.store.ImagingStore;
import org.painlab.imaging.store.StoredVolume;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab imaging volumes DIR [--subject ID]}: the volumes stored in a study. */
@Command(name = "volumes", mixinStandardHelpOptions = true, description = "List the volumes of the study (or of one subject).")
public final class ImagingVolumesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--subject", paramLabel = "ID", description = "Only this subject's volumes.")
    String subject;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        List<StoredVolume> volumes;
        try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
            ImagingStore store = new ImagingStore(study);
            volumes = subject == null ? store.volumes() : store.volumes(subject);
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        if (json) {
            List<Object> rows = new ArrayList<>();
            volumes.forEach(v -> rows.add(VolumesJson.describe(v)));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("volumes", rows);
            new Json().print(spec.commandLine().getOut(), m);
        } else {
            var w = spec.commandLine().getOut();
            for (StoredVolume v : volumes) {
                w.printf("%-6s %-10s %-5s %-6s grade %-4s %s%n", v.id(), v.subjectId(), v.site().side().id(), v.site().level(),
                        v.mriGrade() == null ? "-" : v.mriGrade(), "files/" + v.file());
            }
            w.flush();
        }
        return 0;
    }
}
