package org.painlab.imaging.dl.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.painlab.imaging.classify.TrainingSettings;

/**
 * The saved form of a {@link CnnModel}: a tag and format number, the settings it was trained with, and the
 * network parameters as DJL writes them. Small (about 74 kB) so a study can keep every model it compared.
 */
final class CnnModelFile {
    /** First bytes of a saved model: a file of another kind is told apart before anything is parsed. */
    static final String TAG = "painlab-imaging-cnn\n";
    static final int FORMAT = 1;
    private static final String SEED = "seed";
    /** Far above the network's ~74 kB; a larger count means a damaged file, not a bigger network. */
    private static final int MAX_PARAMETER_BYTES = 64 << 20;

    private CnnModelFile() {
    }

    static void write(CnnModel model, OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.write(TAG.getBytes(StandardCharsets.US_ASCII));
        out.writeInt(FORMAT);
        Map<String, String> p = model.settings().asParameters();
        out.writeInt(p.size() + 1);
        for (Map.Entry<String, String> e : p.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeUTF(SEED);
        out.writeUTF(Long.toString(model.settings().seed()));
        byte[] parameters = model.parameters();
        out.writeInt(parameters.length);
        out.write(parameters);
        out.flush();
    }

    /** Reads a model and loads its network, so that a damaged file is refused here. */
    static CnnModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(source);
        try {
            byte[] expected = TAG.getBytes(StandardCharsets.US_ASCII);
            if (!Arrays.equals(expected, in.readNBytes(expected.length))) {
                throw new IOException("not a saved 3D CNN: it does not start with '" + TAG.strip() + "'");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("saved 3D CNN has format " + format + ", this version reads " + FORMAT);
            }
            int count = in.readInt();
            if (count < 0 || count > 100) {
                throw new IOException("saved 3D CNN: settings count " + count + " is not plausible");
            }
            Map<String, String> p = new HashMap<>();
            for (int i = 0; i < count; i++) {
                p.put(in.readUTF(), in.readUTF());
            }
            String seedText = p.remove(SEED);
            long seed;
            try {
                seed = Long.parseLong(seedText == null ? "" : seedText);
            } catch (NumberFormatException e) {
                throw new IOException("saved 3D CNN: seed is missing or not a number: '" + seedText + "'", e);
            }
            CnnSettings settings;
            try {
                settings = CnnSettings.from(new TrainingSettings(seed, p));
            } catch (IllegalArgumentException e) {
                throw new IOException("saved 3D CNN: " + e.getMessage(), e);
            }
            int length = in.readInt();
            if (length < 1 || length > MAX_PARAMETER_BYTES) {
                throw new IOException("saved 3D CNN: parameter block length " + length + " is not plausible");
            }
            byte[] parameters = new byte[length];
            in.readFully(parameters);
            CnnModel model = new CnnModel(settings, parameters);
            model.load();
            return model;
        } catch (EOFException e) {
            throw new IOException("saved 3D CNN is truncated", e);
        }
    }
}
