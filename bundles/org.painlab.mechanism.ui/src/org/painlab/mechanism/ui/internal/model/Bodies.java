package org.painlab.mechanism.ui.internal.model;

import java.util.List;
import java.util.Map;

/** Reading numbers and lists out of a stored result's JSON-shaped body, forgiving about missing keys. */
public final class Bodies {
    private Bodies() {
    }

    static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    static double number(Map<?, ?> m, String key) {
        return m == null ? Double.NaN : number(m.get(key));
    }

    public static String text(Map<?, ?> m, String key) {
        Object o = m == null ? null : m.get(key);
        return o == null ? "" : o.toString();
    }

    public static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    public static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    static double[] numbers(Object o) {
        List<?> l = list(o);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(l.get(i));
        }
        return out;
    }

    /** {@code [low, high]} of a two-element list, or NaNs. */
    static double[] pair(Object o) {
        double[] p = numbers(o);
        return p.length == 2 ? p : new double[] { Double.NaN, Double.NaN };
    }
}
