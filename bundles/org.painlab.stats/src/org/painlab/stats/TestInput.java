package org.painlab.stats;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data of one test: a JSON-shaped map (values are Number, String, Boolean, List and Map as a
 * JSON parser produces them; Java arrays are accepted too) with typed accessors. Every accessor
 * rejects malformed data with an {@link IllegalArgumentException} whose message names the field
 * and says what was expected, because that message is what a user of the command line sees.
 *
 * @since 0.1
 */
public final class TestInput {

    /** Field holding a contingency table as a list of rows. */
    public static final String TABLE_ROWS = "table_rows";
    /** Field holding named samples for k-sample tests. */
    public static final String GROUPS = "groups";

    private final Map<String, Object> fields;

    /**
     * @param fields the input fields; the map is copied (shallowly)
     */
    public TestInput(Map<String, ?> fields) {
        if (fields == null) {
            throw new IllegalArgumentException("test input is missing");
        }
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * @param fields the input fields
     * @return the input
     */
    public static TestInput of(Map<String, ?> fields) {
        return new TestInput(fields);
    }

    /** @return the names of all fields, in input order */
    public Set<String> fieldNames() {
        return fields.keySet();
    }

    /**
     * @param field field name
     * @return true when the field is present and not null
     */
    public boolean has(String field) {
        return fields.get(field) != null;
    }

    /**
     * @param field field name
     * @return the raw value, or null when absent
     */
    public Object raw(String field) {
        return fields.get(field);
    }

    /**
     * @param field field name
     * @return the field as an array of finite numbers
     * @throws IllegalArgumentException if the field is missing, not an array, or holds a
     *         non-numeric, missing or non-finite element
     */
    public double[] doubles(String field) {
        return toDoubles(field, require(field));
    }

    /**
     * @param field field name
     * @return the field as a single finite number
     * @throws IllegalArgumentException if it is missing or not a finite number
     */
    public double scalar(String field) {
        Object value = require(field);
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("field '" + field + "' must be a finite number, not " + describe(value));
    }

    /**
     * @param field field name
     * @param defaultValue value when the field is absent or null
     * @return the field as a single finite number
     */
    public double scalar(String field, double defaultValue) {
        return has(field) ? scalar(field) : defaultValue;
    }

    /**
     * @param field field name
     * @return the field as an array of integers (JSON numbers with integral values; true/false
     *         count as 1/0 because event indicators are often written that way)
     */
    public int[] ints(String field) {
        List<Object> list = asList(field, require(field));
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (v instanceof Boolean b) {
                out[i] = b ? 1 : 0;
                continue;
            }
            double d = elementNumber(field, i, v);
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("field '" + field + "' element " + i
                        + " must be an integer, not " + d);
            }
            out[i] = (int) d;
        }
        return out;
    }

    /**
     * @param field field name
     * @return the field as labels; numbers are accepted and written without a trailing ".0"
     *         so that groups coded 1/2 and "1"/"2" read the same
     */
    public String[] strings(String field) {
        List<Object> list = asList(field, require(field));
        String[] out = new String[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (v == null) {
                throw new IllegalArgumentException("field '" + field + "' element " + i
                        + " is missing (null); remove incomplete records first");
            }
            if (v instanceof Number n) {
                double d = n.doubleValue();
                out[i] = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
            } else if (v instanceof String || v instanceof Boolean) {
                out[i] = v.toString();
            } else {
                throw new IllegalArgumentException("field '" + field + "' element " + i
                        + " must be a label (string or number), not " + describe(v));
            }
        }
        return out;
    }

    /**
     * Reads field "groups": either an object mapping group name to an array of numbers (order
     * kept), or an array of arrays, named g1, g2, ... in order.
     *
     * @return the groups in input order
     * @throws IllegalArgumentException if the field is missing, malformed, or a group is empty
     */
    public LinkedHashMap<String, double[]> groups() {
        Object value = require(GROUPS);
        LinkedHashMap<String, double[]> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String name = String.valueOf(e.getKey());
                out.put(name, groupValues(name, e.getValue()));
            }
        } else if (value instanceof Collection<?> || value.getClass().isArray()) {
            List<Object> list = asList(GROUPS, value);
            for (int i = 0; i < list.size(); i++) {
                String name = "g" + (i + 1);
                out.put(name, groupValues(name, list.get(i)));
            }
        } else {
            throw new IllegalArgumentException("field 'groups' must be an object of name -> array of numbers"
                    + " or an array of arrays, not " + describe(value));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("field 'groups' holds no group");
        }
        return out;
    }

    /**
     * Reads field "table_rows": a rectangular list of rows of non-negative integer counts.
     *
     * @return the table, rows first
     * @throws IllegalArgumentException if it is missing, ragged, empty, or holds a negative or
     *         non-integer count
     */
    public long[][] table() {
        List<Object> rows = asList(TABLE_ROWS, require(TABLE_ROWS));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("field 'table_rows' holds no row");
        }
        long[][] out = new long[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            String where = TABLE_ROWS + "[" + r + "]";
            List<Object> row = asList(where, rows.get(r));
            if (r > 0 && row.size() != out[0].length) {
                throw new IllegalArgumentException("field 'table_rows' must be rectangular: row " + r + " has "
                        + row.size() + " cells, row 0 has " + out[0].length);
            }
            if (row.isEmpty()) {
                throw new IllegalArgumentException("field 'table_rows' row " + r + " is empty");
            }
            out[r] = new long[row.size()];
            for (int c = 0; c < row.size(); c++) {
                double d = elementNumber(where, c, row.get(c));
                if (d < 0 || d != Math.rint(d) || d > 9.0e15) {
                    throw new IllegalArgumentException("field 'table_rows' cell [" + r + "][" + c
                            + "] must be a non-negative integer count, not " + d);
                }
                out[r][c] = (long) d;
            }
        }
        return out;
    }

    private double[] groupValues(String name, Object value) {
        String where = "groups." + name;
        if (value == null) {
            throw new IllegalArgumentException("group '" + name + "' in field 'groups' is missing (null)");
        }
        double[] values = toDoubles(where, value);
        if (values.length == 0) {
            throw new IllegalArgumentException("group '" + name + "' in field 'groups' is empty");
        }
        return values;
    }

    private Object require(String field) {
        Object value = fields.get(field);
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is required but missing; present fields: "
                    + fields.keySet());
        }
        return value;
    }

    private static double[] toDoubles(String field, Object value) {
        if (value instanceof double[] a) {
            for (int i = 0; i < a.length; i++) {
                checkFinite(field, i, a[i]);
            }
            return a.clone();
        }
        List<Object> list = asList(field, value);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = elementNumber(field, i, list.get(i));
        }
        return out;
    }

    private static double elementNumber(String field, int index, Object v) {
        if (v == null) {
            throw new IllegalArgumentException("field '" + field + "' element " + index
                    + " is missing (null); remove incomplete records first");
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("field '" + field + "' element " + index
                    + " must be a number, not " + describe(v));
        }
        double d = n.doubleValue();
        checkFinite(field, index, d);
        return d;
    }

    private static void checkFinite(String field, int index, double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("field '" + field + "' element " + index
                    + " must be a finite number, not " + d);
        }
    }

    private static List<Object> asList(String field, Object value) {
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(list);
        }
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value != null && value.getClass().isArray()) {
            int n = Array.getLength(value);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(Array.get(value, i));
            }
            return out;
        }
        throw new IllegalArgumentException("field '" + field + "' must be an array, not " + describe(value));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the text \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof Collection<?> || value.getClass().isArray()) {
            return "an array";
        }
        return value.getClass().getSimpleName() + " " + value;
    }
}
