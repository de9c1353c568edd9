package org.painlab.imaging.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.ScanSite;
import org.painlab.imaging.store.ImagingStore;
import org.painlab.imaging.store.StoredVolume;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab imaging import DIR VOLUME --subject ID --side left|right --level L4-L5 [--mask MASK] [--grade G]}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Add a volume file (and its mask) of a subject, side and level to the study in DIR; the study keeps a NRRD copy.")
public final class ImagingImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", paramLabel = "VOLUME", description = "The volume (.nrrd/.nhdr, .nii/.nii.gz, .mha/.mhd or a contributed format).")
    Path file;

    @Option(names = "--subject", required = true, paramLabel = "ID", description = "The subject's study id.")
    String subject;

    @Option(names = "--side", required = true, paramLabel = "left|right", description = "Side of the spine.")
    String side;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "Level, e.g. L4-L5 or L5-S1.")
    String level;

    @Option(names = "--mask", paramLabel = "MASK", description = "The multifidus mask (non-zero voxels), same grid as VOLUME.")
    Path mask;

    @Option(names = "--grade", paramLabel = "G", description = "MRI grade of fatty infiltration, 0..3.")
    Integer grade;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who imports it (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        ScanSite site;
        try {
            site = new ScanSite(ScanSite.Side.parse(side), level);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), (e.getMessage().startsWith("side") ? "--side: " : "--level: ") + e.getMessage());
        }
        if (grade != null && (grade < 0 || grade > 3)) {
            throw new ParameterException(spec.commandLine(), "--grade must be 0, 1, 2 or 3, found " + grade);
        }
        StoredVolume v;
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            v = new ImagingStore(study).importVolume(file, mask, subject, site, grade, actor);
        } catch (ImagingException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(file + ": " + e.getMessage(), e);
        }
        Map<String, Object> out = VolumesJson.describe(v);
        if (json) {
            new Json().print(spec.commandLine().getOut(), out);
        } else {
            spec.commandLine().getErr().println("imported " + file + " as volume " + v.id() + " of subject " + v.subjectId() + ", "
                    + v.site() + (v.maskId() != null ? " with mask " + v.maskId() : " (no mask)") + " -> files/" + v.file());
        }
        return 0;
    }
}
