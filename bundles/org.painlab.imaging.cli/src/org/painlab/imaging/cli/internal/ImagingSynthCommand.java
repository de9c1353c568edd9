package org.painlab.imaging.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.NewStudy;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.imaging.store.SimulatedStudy;
import org.painlab.imaging.synth.CohortModel;
import org.painlab.imaging.synth.CohortSimulator;
import org.painlab.imaging.synth.UltrasoundModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab imaging synth OUTDIR --patients N --seed S [--size XxYxZ]}: a simulated multifidus ultrasound
 * study (8 volumes a patient with masks and MRI grades) in a new study, or added to an existing one.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Simulate 3D ultrasound volumes of the multifidus (left/right x L2-L3..L5-S1 per patient) with masks, "
                + "MRI grades and a fatty label (grade >= 2); creates the study at OUTDIR, or adds to the study there.")
public final class ImagingSynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUTDIR", description = "The study folder (created when absent or empty).")
    Path dir;

    @Option(names = "--patients", defaultValue = "46", paramLabel = "N", description = "Patients (default: ${DEFAULT-VALUE}).")
    int patients;

    @Option(names = "--seed", defaultValue = "20261123", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "48x48x32", paramLabel = "XxYxZ",
            description = "Voxels lateral x depth x elevation (default: ${DEFAULT-VALUE}; voxel 0.6 x 0.5 x 0.8 mm).")
    String size;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who adds them (default: the OS user).")
    String actor;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (patients < 1 || patients > 10_000) {
            throw new ParameterException(spec.commandLine(), "--patients must be 1..10000, found " + patients);
        }
        UltrasoundModel model = model();
        CohortSimulator simulator = new CohortSimulator(CohortModel.defaults(), model);
        Path target = dir.toAbsolutePath().normalize();
        SimulatedStudy synth = new SimulatedStudy(simulator);
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr(), "volumes");
        SimulatedStudy.Summary[] summary = new SimulatedStudy.Summary[1];
        boolean created = !Study.isStudy(target);
        long start = System.nanoTime();
        try {
            if (created) {
                // a new study is built beside its folder and moved in whole, so a failure leaves nothing
                new NewStudy(StudySchemas.contributed()).create(target, target.getFileName().toString(),
                        (study, s, monitor) -> summary[0] = synth.addTo(study, patients, s, actor, monitor), seed, progress);
            } else {
                try (Study study = Study.open(target, StudySchemas.contributed())) {
                    summary[0] = synth.addTo(study, patients, seed, actor, progress);
                }
            }
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliFailure(target + ": " + e.getMessage(), e);
        }
        SimulatedStudy.Summary s = summary[0];
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("study", target.toString());
        out.put("created", created);
        out.put("patients", s.patients().size());
        out.put("subjects", s.patients());
        out.put("volumes", s.volumes());
        out.put("masks", s.volumes());
        Map<String, Integer> grades = new LinkedHashMap<>();
        s.grades().forEach((g, n) -> grades.put(Integer.toString(g), n));
        out.put("mri_grades", grades);
        out.put("fatty", s.fatty());
        out.put("fatty_from_grade", simulator.cohort().fattyFromGrade());
        out.put("seed", seed);
        out.put("size", new int[] {model.nx(), model.ny(), model.nz()});
        out.put("spacing_mm", new double[] {model.spacingX(), model.spacingY(), model.spacingZ()});
        out.put("files", target.resolve("files").resolve("imaging").toString());
        out.put("seconds", Math.round(seconds * 10) / 10.0);
        if (json) {
            new Json().print(spec.commandLine().getOut(), out);
        } else {
            var w = spec.commandLine().getOut();
            w.println((created ? "created study " : "added to study ") + target + ": " + s.volumes() + " simulated volumes (with masks) of "
                    + s.patients().size() + " patients " + s.patients().get(0) + ".." + s.patients().get(s.patients().size() - 1)
                    + ", MRI grades " + grades + ", fatty " + s.fatty() + "; files in " + out.get("files"));
            w.flush();
        }
        return 0;
    }

    private UltrasoundModel model() {
        String[] p = size.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length != 3) {
                throw new NumberFormatException();
            }
            return UltrasoundModel.defaults().withSize(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
                    Integer.parseInt(p[2].trim()));
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--size must be like 48x48x32, found '" + size + "'");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--size: " + e.getMessage());
        }
    }
}
