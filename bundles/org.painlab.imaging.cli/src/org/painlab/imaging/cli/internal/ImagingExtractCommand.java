package org.painlab.imaging.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.analysis.AnalysisRunner;
import org.painlab.core.result.StoredResult;
import org.painlab.imaging.store.VolumeFeaturesAnalysis;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab imaging extract DIR [--subject ID] [--bin-number N | --bin-width W]}: the IBSI features of the
 * study's volumes inside their masks, stored in the study as a result with provenance (analysis
 * org.painlab.imaging.volumeFeatures).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Compute the IBSI features of the study's volumes (all, or one subject's) inside their masks on every core, "
                + "and store them as a result with provenance; classifiers and analyses read the latest.")
public final class ImagingExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--subject", paramLabel = "ID", description = "Only this subject's volumes.")
    String subject;

    @Option(names = "--bin-number", paramLabel = "N", description = "Fixed bin number discretisation (default 32).")
    Integer binNumber;

    @Option(names = "--bin-width", paramLabel = "W", description = "Fixed bin width discretisation (grey levels).")
    Double binWidth;

    @Option(names = "--aggregation", paramLabel = "AGGREGATION[,AGGREGATION...]",
            description = "Texture aggregations: 3d-averaged, 3d-merged, 2d-averaged, 2d-slice-merged, 2.5d-direction-merged,"
                    + " 2.5d-merged, or the groups 3d, 2d, 2.5d, all (comma-separated; 2D/2.5D by axial slice); default: 3d.")
    String aggregation;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who runs it, for the provenance (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print the stored result's provenance and a summary as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (binNumber != null && binWidth != null) {
            throw new ParameterException(spec.commandLine(), "choose one of --bin-number, --bin-width");
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (subject != null) {
            params.put(VolumeFeaturesAnalysis.SUBJECT, subject);
        }
        if (binNumber != null) {
            params.put(VolumeFeaturesAnalysis.DISCRETISATION, "bin-number:" + binNumber);
        } else if (binWidth != null) {
            params.put(VolumeFeaturesAnalysis.DISCRETISATION, "bin-width:" + binWidth);
        }
        if (aggregation != null) {
            params.put(VolumeFeaturesAnalysis.AGGREGATIONS, aggregation);
        }
        long start = System.nanoTime();
        StoredResult r;
        try (Study study = Study.open(dir, StudySchemas.contributed())) {
            r = new AnalysisRunner().run(study, VolumeFeaturesAnalysis.ID, params, actor,
                    new StderrProgress(spec.commandLine().getErr(), "features"));
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<?> volumes = (List<?>) r.body().get("volumes");
        List<?> keys = (List<?>) r.body().get("feature_keys");
        if (json) {
            Map<String, Object> m = r.provenance();
            m.put("volumes", volumes.size());
            m.put("features_per_volume", keys.size());
            m.put("volumes_without_mask", ((List<?>) r.body().get("volumes_without_mask")).size());
            m.put("settings", r.body().get("settings"));
            m.put("seconds", Math.round(seconds * 10) / 10.0);
            new Json().print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getOut().println("stored result " + r.id() + ": " + r.title() + ", " + keys.size()
                    + " features per volume (" + String.format("%.1f", seconds) + " s)");
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
