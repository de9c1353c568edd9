package org.painlab.imaging.internal.classify;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.util.Map;

import org.painlab.imaging.classify.TrainedModel;

/**
 * Reads a saved random forest by the format id at its start: each saved format keeps its reader, so a
 * model a study saved years ago still grades after the forest's code has moved on.
 */
final class ForestFormats {
    /** Reads the rest of a file whose format tag has been read. */
    @FunctionalInterface
    private interface BodyReader {
        TrainedModel read(DataInputStream in) throws IOException;
    }

    private static final Map<String, BodyReader> READERS = Map.of(
            TribuoForestModel.FORMAT, TribuoForestModel::readBody,
            ForestModel.FORMAT, ForestModel::readBody);

    private ForestFormats() {
    }

    static TrainedModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        String format;
        try {
            format = d.readUTF();
        } catch (EOFException | UTFDataFormatException e) {
            throw new IOException("not a PainLab random forest (no format tag at the start)", e);
        }
        BodyReader reader = READERS.get(format);
        if (reader == null) {
            throw new IOException("not a PainLab random forest (format '" + format + "'; this version reads "
                    + new java.util.TreeSet<>(READERS.keySet()) + ")");
        }
        try {
            return reader.read(d);
        } catch (EOFException e) {
            throw new IOException("random forest file (" + format + ") is truncated", e);
        }
    }
}
