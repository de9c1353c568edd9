package org.painlab.imaging.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.io.AtomicFiles;
import org.painlab.core.io.JsonText;
import org.painlab.imaging.classify.Classifier;
import org.painlab.imaging.classify.TrainedModel;

/**
 * The trained models a study keeps in {@code files/models/<classifier>-result<N>.model} (N = the stored
 * cross-validation result the model belongs to). A file is a header and the classifier's own bytes: the line
 * {@value #FORMAT}, one line of JSON ({@code classifier}, {@code training_result} and, for a model on
 * features, {@code features}: its {@link FeatureRecipe}), then what {@link TrainedModel#save} wrote. Files
 * saved before the header existed (the classifier's bytes alone) still load; they carry no recipe.
 *
 * @since 0.1
 */
public final class SavedModels {
    /** First line of a saved model file. */
    public static final String FORMAT = "painlab-model/1";
    private static final byte[] MAGIC = (FORMAT + "\n").getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER = 16 << 20;
    private static final Pattern NAME = Pattern.compile("(.+)-result(\\d+)\\.model");
    private final Study study;

    /** @param study an open study */
    public SavedModels(Study study) {
        this.study = study;
    }

    /**
     * A model file of the study.
     *
     * @param classifierId the classifier that made it
     * @param trainingResult the stored cross-validation it belongs to
     * @param file where it is
     * @param recipe how its features are computed from a volume; null for a model on volumes or one saved without
     */
    public record SavedModel(String classifierId, long trainingResult, Path file, FeatureRecipe recipe) {
        /** The recipe, when the model has one. */
        public Optional<FeatureRecipe> featureRecipe() {
            return Optional.ofNullable(recipe);
        }
    }

    /** The models folder. */
    public Path folder() throws StudyException {
        return study.filesFolder().resolve("models");
    }

    /**
     * Saves a model (temporary file and move: never half-written).
     *
     * @param trainingResult the stored cross-validation it belongs to
     * @param recipe for a model on features, how they were computed (null when unknown or not needed)
     * @return the saved model
     */
    public SavedModel save(long trainingResult, TrainedModel model, FeatureRecipe recipe) throws StudyException, IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("classifier", model.classifierId());
        header.put("training_result", Long.toString(trainingResult));
        header.put("features", recipe == null ? null : recipe.describe());
        Path file = folder().resolve(model.classifierId() + "-result" + trainingResult + ".model");
        byte[] json = JsonText.write(header).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            out.write(MAGIC);
            out.write(json);
            out.write('\n');
            model.save(out);
        });
        return new SavedModel(model.classifierId(), trainingResult, file, recipe);
    }

    /**
     * The saved models, oldest training result first.
     *
     * @throws IOException naming the file whose header cannot be read
     */
    public List<SavedModel> list() throws StudyException, IOException {
        List<SavedModel> out = new ArrayList<>();
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.add(describe(f, m.group(1), Long.parseLong(m.group(2))));
                }
            }
        }
        out.sort(Comparator.comparingLong(SavedModel::trainingResult).thenComparing(SavedModel::classifierId));
        return out;
    }

    /**
     * The model of classifier {@code classifierId}: of training result {@code trainingResult}, or the newest.
     */
    public Optional<SavedModel> find(String classifierId, Long trainingResult) throws StudyException, IOException {
        SavedModel best = null;
        for (SavedModel m : list()) {
            if (m.classifierId().equals(classifierId)
                    && (trainingResult == null ? best == null || m.trainingResult() > best.trainingResult()
                            : m.trainingResult() == trainingResult)) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Loads a saved model with its classifier.
     *
     * @throws IOException naming the file when it cannot be read
     */
    public static TrainedModel load(SavedModel model, Classifier classifier) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(model.file()))) {
            if (header(in, model.file()) == null) {
                in.reset();
            }
            try {
                return classifier.load(in);
            } catch (IOException e) {
                throw new IOException(model.file() + ": " + e.getMessage(), e);
            }
        }
    }

    private static SavedModel describe(Path file, String classifierId, long trainingResult) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Map<String, Object> h = header(in, file);
            if (h == null) {
                return new SavedModel(classifierId, trainingResult, file, null);
            }
            if (!classifierId.equals(h.get("classifier"))) {
                throw new IOException(file + ": header names classifier '" + h.get("classifier") + "', the file name '"
                        + classifierId + "'");
            }
            try {
                return new SavedModel(classifierId, trainingResult, file,
                        h.get("features") instanceof Map<?, ?> r ? FeatureRecipe.read(r) : null);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads the header after marking the start; null (stream to be reset) for a file saved without one. */
    private static Map<String, Object> header(InputStream in, Path file) throws IOException {
        in.mark(MAX_HEADER + MAGIC.length + 1);
        byte[] start = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(start, MAGIC)) {
            return null;
        }
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0 || line.size() > MAX_HEADER) {
                throw new IOException(file + ": the model header (" + FORMAT + ") is " + (b < 0 ? "truncated" : "too long"));
            }
            line.write(b);
        }
        try {
            return JsonText.readObject(line.toString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IOException(file + ": the model header (" + FORMAT + ") is not JSON: " + e.getMessage(), e);
        }
    }

}
