package org.painlab.mechanism.internal.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.sbml.Sbml;

/** What the mechanism analyses share when they build a stored body: JSON-safe numbers, ordered maps, the model's hash. */
public final class BodyValues {
    private BodyValues() {
    }

    /** A number for a JSON body: null where it is not finite (JSON has no NaN). */
    public static Object number(double x) {
        return Double.isFinite(x) ? (Object) x : null;
    }

    public static List<Object> numbers(double[] xs) {
        List<Object> out = new ArrayList<>(xs.length);
        for (double x : xs) {
            out.add(number(x));
        }
        return out;
    }

    public static List<Object> integers(int[] xs) {
        List<Object> out = new ArrayList<>(xs.length);
        for (int x : xs) {
            out.add(x);
        }
        return out;
    }

    /** A map keeping the order of its keys: {@code ordered("a", 1, "b", 2)}. */
    public static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Four significant digits for tables, a dash for a missing value. */
    public static String fmt(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.4g", x) : "–";
    }

    /** SHA-256 (hex) of the model as SBML: what the provenance records of a model. */
    public static String modelHash(Model model) throws ModelException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Sbml.write(model).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
