package org.painlab.stats;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * One value a reference case expects: where it is in R's output, how to read our result, and
 * the relative tolerance. Comparison understands the reference conventions: "Infinity" strings
 * for infinite bounds, null for missing values, nested arrays.
 *
 * @param label what is compared, for the failure message
 * @param expected the reference value
 * @param actual reads our value from a result
 * @param tolerance relative tolerance
 */
record Expectation(String label, JsonNode expected, Function<TestResult, Object> actual, double tolerance) {

    /**
     * @param result our result
     * @return null when it matches, else a description of the mismatch
     */
    String mismatch(TestResult result) {
        Object value;
        try {
            value = actual.apply(result);
        } catch (RuntimeException e) {
            return label + ": could not read our value: " + e;
        }
        List<String> problems = new ArrayList<>();
        compare(label, expected, value, problems);
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    private void compare(String where, JsonNode e, Object a, List<String> problems) {
        if (e == null || e.isNull()) {
            if (a != null && !(a instanceof Double d && d.isNaN())) {
                problems.add(where + ": expected null (missing), got " + a);
            }
            return;
        }
        if (e.isArray()) {
            List<Object> list = asList(a);
            if (list == null) {
                problems.add(where + ": expected an array, got " + a);
                return;
            }
            if (list.size() != e.size()) {
                problems.add(where + ": expected " + e.size() + " values, got " + list.size() + " " + list);
                return;
            }
            for (int i = 0; i < e.size(); i++) {
                compare(where + "[" + i + "]", e.get(i), list.get(i), problems);
            }
            return;
        }
        if (e.isBoolean()) {
            if (!(a instanceof Boolean b) || b != e.booleanValue()) {
                problems.add(where + ": expected " + e + ", got " + a);
            }
            return;
        }
        Double expectedNumber = number(e);
        if (expectedNumber == null) {
            if (a == null || !e.stringValue().equals(a.toString())) {
                problems.add(where + ": expected \"" + e.stringValue() + "\", got " + a);
            }
            return;
        }
        if (!(a instanceof Number n)) {
            problems.add(where + ": expected " + expectedNumber + ", got " + a);
            return;
        }
        double x = n.doubleValue();
        double ex = expectedNumber;
        boolean ok = x == ex || Math.abs(x - ex) <= tolerance * Math.abs(ex);
        if (!ok) {
            problems.add(String.format("%s: expected %.17g, got %.17g (relative difference %.3g, tolerance %.0g)",
                    where, ex, x, Math.abs(x - ex) / Math.abs(ex), tolerance));
        }
    }

    private static Double number(JsonNode e) {
        if (e.isNumber()) {
            return e.doubleValue();
        }
        if (e.isString()) {
            return switch (e.stringValue()) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> null;
            };
        }
        return null;
    }

    private static List<Object> asList(Object a) {
        if (a instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (a != null && a.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(a); i++) {
                out.add(Array.get(a, i));
            }
            return out;
        }
        return null;
    }
}
