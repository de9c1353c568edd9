package org.painlab.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts result values into the JSON-shaped objects (Double, Long, String, Boolean, List,
 * Map) that {@link TestResult#toMap()} promises, so that any JSON writer can serialise them.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** NaN has no JSON spelling, so it becomes null; infinities are kept for the writer to spell. */
    static Double number(double value) {
        return Double.isNaN(value) ? null : value;
    }

    static Object convert(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof Float f) {
            return number(f);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            return number(n.doubleValue());
        }
        if (value instanceof double[] a) {
            List<Object> list = new ArrayList<>(a.length);
            for (double v : a) {
                list.add(number(v));
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof int[] a) {
            List<Object> list = new ArrayList<>(a.length);
            for (int v : a) {
                list.add((long) v);
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof long[] a) {
            List<Object> list = new ArrayList<>(a.length);
            for (long v : a) {
                list.add(v);
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof Object[] a) {
            List<Object> list = new ArrayList<>(a.length);
            for (Object v : a) {
                list.add(convert(v));
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>(c.size());
            for (Object v : c) {
                list.add(convert(v));
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                map.put(String.valueOf(e.getKey()), convert(e.getValue()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (value instanceof EffectSize es) {
            return es.toMap();
        }
        if (value instanceof Enum<?> e) {
            return e instanceof Alternative a ? a.id() : e.name();
        }
        throw new IllegalArgumentException("value of type " + value.getClass().getName()
                + " cannot be put in a JSON-shaped result");
    }
}
