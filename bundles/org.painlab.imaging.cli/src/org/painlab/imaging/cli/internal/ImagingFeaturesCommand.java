package org.painlab.imaging.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VolumeReaders;
import org.painlab.imaging.features.Discretisation;
import org.painlab.imaging.features.Feature;
import org.painlab.imaging.features.FeatureExtractor;
import org.painlab.imaging.features.FeatureSet;
import org.painlab.imaging.features.FeatureSettings;
import org.painlab.imaging.features.TextureAggregation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab imaging features VOLUME --mask MASK}: the IBSI features of the masked volume, with codes and settings. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "IBSI 1 features of VOLUME inside MASK: morphology, local intensity, statistics, intensity histogram,"
                + " intensity-volume histogram, GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM; each with its IBSI code.")
public final class ImagingFeaturesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VOLUME", description = "The image.")
    Path file;

    @Option(names = "--mask", required = true, paramLabel = "MASK", description = "The region of interest (non-zero voxels), same grid as VOLUME.")
    Path mask;

    @Option(names = "--aggregation", paramLabel = "AGGREGATION[,AGGREGATION...]",
            description = "Texture aggregations: 3d-averaged, 3d-merged, 2d-averaged, 2d-slice-merged, 2.5d-direction-merged,"
                    + " 2.5d-merged, or the groups 3d, 2d, 2.5d, all (comma-separated; 2D/2.5D by axial slice); default: 3d.")
    String aggregation;

    @Option(names = "--bin-number", paramLabel = "N", description = "Fixed bin number discretisation (default 32).")
    Integer binNumber;

    @Option(names = "--bin-width", paramLabel = "W", description = "Fixed bin width discretisation.")
    Double binWidth;

    @Option(names = "--bin-lower", paramLabel = "L", description = "Lower bound of the first bin of --bin-width (default: the ROI minimum).")
    Double binLower;

    @Option(names = "--no-discretisation", description = "Use the intensities as grey levels (integers >= 1), as for the IBSI phantom.")
    boolean none;

    @Option(names = "--moran-max-voxels", paramLabel = "N", defaultValue = "20000",
            description = "Largest ROI for Moran's I and Geary's C, which take every voxel pair (default: ${DEFAULT-VALUE}).")
    int moranMax;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        FeatureSettings settings = settings();
        VolumeReaders readers = new VolumeReaders();
        FeatureSet fs;
        try {
            Volume image = readers.read(file);
            Volume roi = readers.read(mask);
            fs = new FeatureExtractor().extract(image, roi, settings);
        } catch (ImagingException e) {
            String where = e.file() == null && "mask".equals(e.field()) ? mask + ": " : e.file() == null ? file + ": " : "";
            throw new CliFailure(where + e.getMessage(), e);
        }
        if (json) {
            new Json().print(spec.commandLine().getOut(), json(fs));
        } else {
            print(fs, spec.commandLine().getOut());
        }
        return 0;
    }

    private FeatureSettings settings() {
        int chosen = (binNumber != null ? 1 : 0) + (binWidth != null ? 1 : 0) + (none ? 1 : 0);
        if (chosen > 1) {
            throw new ParameterException(spec.commandLine(), "choose one of --bin-number, --bin-width, --no-discretisation");
        }
        if (binLower != null && binWidth == null) {
            throw new ParameterException(spec.commandLine(), "--bin-lower needs --bin-width");
        }
        FeatureSettings s = FeatureSettings.defaults().withMoranMaxVoxels(moranMax);
        try {
            if (binNumber != null) {
                s = s.withDiscretisation(Discretisation.binNumber(binNumber));
            } else if (binWidth != null) {
                s = s.withDiscretisation(binLower == null ? Discretisation.binWidth(binWidth) : Discretisation.binWidth(binWidth, binLower));
            } else if (none) {
                s = s.withDiscretisation(Discretisation.none());
            }
            if (aggregation != null) {
                s = s.withAggregations(TextureAggregation.parse(aggregation));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return s;
    }

    private Map<String, Object> json(FeatureSet fs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("mask", mask.toString());
        m.put("settings", fs.settings().describe());
        m.put("roi_voxels", fs.roiVoxels());
        m.put("grey_levels", fs.greyLevels());
        List<Map<String, Object>> features = new ArrayList<>();
        for (Feature f : fs.features()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ibsi_code", f.ibsiCode());
            row.put("family", f.family());
            row.put("name", f.name());
            row.put("symbol", f.symbol());
            row.put("aggregation", f.aggregation());
            row.put("aggregation_code", f.aggregationCode());
            row.put("value", Double.isFinite(f.value()) ? f.value() : null);
            features.add(row);
        }
        m.put("features", features);
        m.put("skipped", fs.skipped());
        return m;
    }

    private static void print(FeatureSet fs, PrintWriter w) {
        w.println("settings: " + fs.settings().describe());
        w.println("ROI voxels: " + fs.roiVoxels() + ", grey levels: " + fs.greyLevels());
        for (Feature f : fs.features()) {
            w.printf("%-5s %-22s %-14s %-12s %s%n", f.ibsiCode(), f.symbol(), f.aggregation().isEmpty() ? "-" : f.aggregation(),
                    f.family(), f.value());
        }
        fs.skipped().forEach((k, v) -> w.println("skipped " + k + ": " + v));
        w.flush();
    }
}
