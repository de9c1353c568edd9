package org.painlab.imaging.internal.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.painlab.imaging.classify.Case;
import org.painlab.imaging.classify.TrainedModel;

/**
 * A trained random forest of {@link CartTree}s and the feature keys in the order they learnt them. The
 * probability of a case is the mean over the trees of the positive share of the leaf it falls into.
 * Saved in format {@value #FORMAT} (big-endian, Java {@code DataOutput}): the tag as modified UTF-8 with a
 * 2-byte length, int p and p feature keys (UTF), int trees, and per tree int nodes and per node
 * int feature (-1 = leaf), double threshold, int left, int right, double positive share.
 */
final class ForestModel implements TrainedModel {
    static final String FORMAT = "painlab-rf/2";
    private final FeatureColumns columns;
    private final List<CartTree> trees;

    ForestModel(FeatureColumns columns, List<CartTree> trees) {
        this.columns = columns;
        this.trees = List.copyOf(trees);
    }

    @Override
    public String classifierId() {
        return RandomForestClassifier.ID;
    }

    @Override
    public double probability(Case c) {
        return probability(columns.values(c));
    }

    /** The mean positive share of the trees for these values (in the order of {@link #columns()}). */
    double probability(double[] values) {
        double sum = 0;
        for (CartTree t : trees) {
            sum += t.positiveShare(values);
        }
        return sum / trees.size();
    }

    FeatureColumns columns() {
        return columns;
    }

    List<CartTree> trees() {
        return trees;
    }

    @Override
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeUTF(FORMAT);
        d.writeInt(columns.names().size());
        for (String n : columns.names()) {
            d.writeUTF(n);
        }
        d.writeInt(trees.size());
        for (CartTree t : trees) {
            t.write(d);
        }
        d.flush();
    }

    /** Reads what follows the format tag (which {@link ForestFormats} has read). */
    static ForestModel readBody(DataInputStream in) throws IOException {
        int features = in.readInt();
        if (features < 1 || features > 1_000_000) {
            throw new IOException("random forest file: feature count " + features + " is not plausible");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            names.add(in.readUTF());
        }
        int count = in.readInt();
        if (count < 1 || count > 1_000_000) {
            throw new IOException("random forest file: tree count " + count + " is not plausible");
        }
        List<CartTree> trees = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            trees.add(CartTree.read(in, features, t + 1));
        }
        if (in.read() != -1) {
            throw new IOException("random forest file: data after the last of " + count + " trees");
        }
        return new ForestModel(new FeatureColumns(names), trees);
    }
}
