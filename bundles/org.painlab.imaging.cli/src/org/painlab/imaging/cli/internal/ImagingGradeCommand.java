package org.painlab.imaging.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.imaging.Classifiers;
import org.painlab.imaging.ImagingException;
import org.painlab.imaging.Volume;
import org.painlab.imaging.VolumeReaders;
import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.ClassifierInput;
import org.painlab.imaging.classify.TrainedModel;
import org.painlab.imaging.evaluate.FeatureTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab imaging grade DIR [VOLUME] --model ID [--result N] [--cases FEATURES.csv]}: grades new cases
 * with a model saved in the study by {@code imaging train}, without retraining.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade new cases with a model saved in the study by `imaging train`: the rows of a feature"
                + " table (models on features) or a volume (models on volumes).")
public final class ImagingGradeCommand implements Callable<Integer> {
    private static final Pattern SAVED = Pattern.compile("(.+)-result(\\d+)\\.model");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VOLUME", description = "A volume to grade (models on volumes).")
    Path volume;

    @Option(names = "--mask", paramLabel = "MASK", description = "The volume's region of interest.")
    Path mask;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "Classifier id of the saved model.")
    String model;

    @Option(names = "--result", paramLabel = "N", description = "The training result whose model to use (default: the newest).")
    Long result;

    @Option(names = "--cases", paramLabel = "FEATURES.csv", description = "Grade the rows of this feature table.")
    Path table;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5",
            description = "Probability at or above which a case is graded positive (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if ((volume == null) == (table == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either VOLUME or --cases FEATURES.csv");
        }
        Classifier classifier;
        try {
            classifier = new Classifiers().require(model);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
            Path file = savedModel(study);
            TrainedModel trained;
            try (InputStream in = Files.newInputStream(file)) {
                trained = classifier.load(in);
            }
            List<Case> cases = volume != null ? List.of(volumeCase(classifier)) : new FeatureTable(table).read();
            List<Object> graded = new ArrayList<>();
            for (Case c : cases) {
                double p = trained.probability(c);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("case", c.id());
                row.put("patient", c.patientId());
                row.put("probability", p);
                row.put("grade", p >= threshold ? 1 : 0);
                graded.add(row);
            }
            out.put("model", model);
            out.put("model_file", study.folder().relativize(file).toString());
            out.put("threshold", threshold);
            out.put("cases", graded);
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliFailure(dir + ": the saved model cannot be read (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliFailure((table != null ? table : volume) + ": " + e.getMessage(), e);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            new Json().print(w, out);
        } else {
            for (Object o : (List<?>) out.get("cases")) {
                Map<?, ?> r = (Map<?, ?>) o;
                w.printf("%s  %s  %.4f  grade %s%n", r.get("case"), r.get("patient"), r.get("probability"), r.get("grade"));
            }
            w.flush();
        }
        return 0;
    }

    private Path savedModel(Study study) throws StudyException, IOException {
        Path folder = study.filesFolder().resolve("models");
        Path best = null;
        long bestId = -1;
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.toList()) {
                    Matcher m = SAVED.matcher(f.getFileName().toString());
                    if (m.matches() && m.group(1).equals(model)) {
                        long id = Long.parseLong(m.group(2));
                        if ((result == null && id > bestId) || (result != null && id == result)) {
                            best = f;
                            bestId = id;
                        }
                    }
                }
            }
        }
        if (best == null) {
            throw new StudyException(dir + ": no saved model of '" + model + "'" + (result == null ? "" : " from result "
                    + result) + ": run `painlab imaging train " + dir + " --model " + model + " --seed S` first");
        }
        return best;
    }

    private Case volumeCase(Classifier classifier) {
        if (classifier.input() != ClassifierInput.VOLUMES) {
            throw new IllegalArgumentException("model '" + model + "' grades texture features: give them with --cases"
                    + " FEATURES.csv (a row case,patient,label,<features> with the study's feature keys)");
        }
        VolumeReaders readers = new VolumeReaders();
        Volume image;
        Volume roi;
        try {
            image = readers.read(volume);
            roi = mask == null ? null : readers.read(mask);
        } catch (ImagingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new Case(volume.getFileName().toString(), "-", -1, Map.of(), () -> image, () -> roi);
    }
}
