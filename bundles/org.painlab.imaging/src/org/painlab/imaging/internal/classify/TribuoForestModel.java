package org.painlab.imaging.internal.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.TrainedModel;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;

/**
 * A random forest saved in the first format, {@value #FORMAT} (rf grown with Tribuo's CART trees up to
 * version 0.1 of this bundle): Tribuo forests (one per training batch) and the feature keys in the order
 * they learnt them. Saved as a small header (format tag, feature keys, trees per forest) followed by each
 * forest as Tribuo's protobuf model, so no Java serialization is read back. Kept so that models saved in
 * studies before {@link ForestModel} still load and grade; new forests are {@link ForestModel}s.
 */
final class TribuoForestModel implements TrainedModel {
    static final String FORMAT = "painlab-rf/1";
    static final LabelFactory LABELS = new LabelFactory();
    private static final int MAX_FOREST_BYTES = 1 << 30;
    private final FeatureColumns columns;
    private final List<Model<Label>> forests;
    private final List<Integer> sizes;

    TribuoForestModel(FeatureColumns columns, List<Model<Label>> forests, List<Integer> sizes) {
        this.columns = columns;
        this.forests = List.copyOf(forests);
        this.sizes = List.copyOf(sizes);
    }

    @Override
    public String classifierId() {
        return RandomForestClassifier.ID;
    }

    @Override
    public double probability(Case c) {
        double[] values = columns.values(c);
        String[] names = columns.names().toArray(String[]::new);
        double sum = 0;
        int trees = 0;
        for (int f = 0; f < forests.size(); f++) {
            sum += sizes.get(f) * positiveScore(forests.get(f), names, values);
            trees += sizes.get(f);
        }
        return sum / trees;
    }

    /** The share of {@code forest}'s trees' votes for the positive class, for a case with these feature values. */
    static double positiveScore(Model<Label> forest, String[] names, double[] values) {
        // the label is not read: the example carries Tribuo's unknown label
        Prediction<Label> p = forest.predict(new ArrayExample<>(LABELS.getUnknownOutput(), names, values));
        Label positive = p.getOutputScores().get("1");
        return positive == null ? 0 : positive.getScore();
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeUTF(FORMAT);
        d.writeInt(columns.names().size());
        for (String n : columns.names()) {
            d.writeUTF(n);
        }
        d.writeInt(forests.size());
        for (int f = 0; f < forests.size(); f++) {
            byte[] bytes = forests.get(f).serialize().toByteArray();
            d.writeInt(sizes.get(f));
            d.writeInt(bytes.length);
            d.write(bytes);
        }
        d.flush();
    }

    @SuppressWarnings("unchecked")
    /** Reads what follows the format tag (which {@link ForestFormats} has read). */
    static TribuoForestModel readBody(DataInputStream in) throws IOException {
        int features = in.readInt();
        if (features < 1 || features > 1_000_000) {
            throw new IOException("random forest file: feature count " + features + " is not plausible");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            names.add(in.readUTF());
        }
        int count = in.readInt();
        if (count < 1 || count > 100_000) {
            throw new IOException("random forest file: forest count " + count + " is not plausible");
        }
        List<Model<Label>> forests = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            sizes.add(in.readInt());
            int length = in.readInt();
            if (length < 1 || length > MAX_FOREST_BYTES) {
                throw new IOException("random forest file: forest " + (f + 1) + " has length " + length);
            }
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("random forest file is truncated in forest " + (f + 1) + " of " + count);
            }
            Model<?> m = Model.deserialize(ModelProto.parseFrom(bytes));
            if (!m.validate(Label.class)) {
                throw new IOException("random forest file: forest " + (f + 1) + " is not a classification model");
            }
            forests.add((Model<Label>) m);
        }
        return new TribuoForestModel(new FeatureColumns(names), forests, sizes);
    }
}
