package org.painlab.trial.internal.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A REDCap calculated field's formula, when it is simple enough to recompute: arithmetic
 * ({@code + - * / ^}, parentheses, unary minus) on numbers and {@code [field]} references, and the
 * functions {@code round}, {@code rounddown}, {@code roundup} (digits optional), {@code sum},
 * {@code min}, {@code max}, {@code mean}, {@code abs} and {@code sqrt}. Anything else (dates, text,
 * conditions, references to other events) cannot be parsed: {@link #parse} says why, and the import
 * keeps the value unchecked.
 */
final class CalcFormula {
    private final ToDoubleFunction<Map<String, Double>> expression;
    private final Set<String> fields;

    private CalcFormula(ToDoubleFunction<Map<String, Double>> expression, Set<String> fields) {
        this.expression = expression;
        this.fields = fields;
    }

    /** Thrown for a formula the workbench does not recompute; the message says what it met. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    /**
     * Parses a formula.
     *
     * @param text REDCap's formula, e.g. {@code round(([weight]*10000)/(([height])^(2)),1)}
     * @return the formula
     * @throws Unsupported when it is not simple arithmetic
     */
    static CalcFormula parse(String text) throws Unsupported {
        Parser p = new Parser(text);
        ToDoubleFunction<Map<String, Double>> e = p.sum();
        p.skip();
        if (p.pos < text.length()) {
            throw new Unsupported("'" + text.substring(p.pos, Math.min(text.length(), p.pos + 20)) + "' at position " + (p.pos + 1));
        }
        return new CalcFormula(e, p.fields);
    }

    /** @return the fields the formula uses */
    Set<String> fields() {
        return fields;
    }

    /**
     * Computes the formula.
     *
     * @param values a number for each of {@link #fields()}
     * @return the result (NaN or infinite for e.g. a division by zero)
     */
    double compute(Map<String, Double> values) {
        return expression.applyAsDouble(values);
    }

    private static final class Parser {
        final String s;
        int pos;
        final Set<String> fields = new LinkedHashSet<>();

        Parser(String s) {
            this.s = s;
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(char c) {
            skip();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        ToDoubleFunction<Map<String, Double>> sum() throws Unsupported {
            ToDoubleFunction<Map<String, Double>> left = product();
            while (true) {
                if (eat('+')) {
                    ToDoubleFunction<Map<String, Double>> a = left;
                    ToDoubleFunction<Map<String, Double>> b = product();
                    left = v -> a.applyAsDouble(v) + b.applyAsDouble(v);
                } else if (eat('-')) {
                    ToDoubleFunction<Map<String, Double>> a = left;
                    ToDoubleFunction<Map<String, Double>> b = product();
                    left = v -> a.applyAsDouble(v) - b.applyAsDouble(v);
                } else {
                    return left;
                }
            }
        }

        ToDoubleFunction<Map<String, Double>> product() throws Unsupported {
            ToDoubleFunction<Map<String, Double>> left = power();
            while (true) {
                if (eat('*')) {
                    ToDoubleFunction<Map<String, Double>> a = left;
                    ToDoubleFunction<Map<String, Double>> b = power();
                    left = v -> a.applyAsDouble(v) * b.applyAsDouble(v);
                } else if (eat('/')) {
                    ToDoubleFunction<Map<String, Double>> a = left;
                    ToDoubleFunction<Map<String, Double>> b = power();
                    left = v -> a.applyAsDouble(v) / b.applyAsDouble(v);
                } else {
                    return left;
                }
            }
        }

        ToDoubleFunction<Map<String, Double>> power() throws Unsupported {
            ToDoubleFunction<Map<String, Double>> base = unary();
            if (eat('^')) {
                ToDoubleFunction<Map<String, Double>> exp = power();
                return v -> Math.pow(base.applyAsDouble(v), exp.applyAsDouble(v));
            }
            return base;
        }

        ToDoubleFunction<Map<String, Double>> unary() throws Unsupported {
            if (eat('-')) {
                ToDoubleFunction<Map<String, Double>> a = unary();
                return v -> -a.applyAsDouble(v);
            }
            if (eat('+')) {
                return unary();
            }
            return atom();
        }

        ToDoubleFunction<Map<String, Double>> atom() throws Unsupported {
            skip();
            if (pos >= s.length()) {
                throw new Unsupported("the formula ends early");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                ToDoubleFunction<Map<String, Double>> e = sum();
                if (!eat(')')) {
                    throw new Unsupported("a missing ')'");
                }
                return e;
            }
            if (c == '[') {
                int end = s.indexOf(']', pos);
                if (end < 0) {
                    throw new Unsupported("a missing ']'");
                }
                String field = s.substring(pos + 1, end).strip();
                pos = end + 1;
                if (pos < s.length() && s.charAt(pos) == '[') {
                    throw new Unsupported("a reference to another event ([" + field + "][...])");
                }
                if (!field.matches("[A-Za-z][A-Za-z0-9_]*")) {
                    throw new Unsupported("the reference [" + field + "]");
                }
                fields.add(field);
                return v -> {
                    Double d = v.get(field);
                    return d == null ? Double.NaN : d;
                };
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                try {
                    double d = Double.parseDouble(s.substring(start, pos));
                    return v -> d;
                } catch (NumberFormatException e) {
                    throw new Unsupported("the number '" + s.substring(start, pos) + "'");
                }
            }
            if (Character.isLetter(c)) {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String name = s.substring(start, pos).toLowerCase(java.util.Locale.ROOT);
                if (!eat('(')) {
                    throw new Unsupported("'" + name + "'");
                }
                List<ToDoubleFunction<Map<String, Double>>> args = new ArrayList<>();
                if (!eat(')')) {
                    do {
                        args.add(sum());
                    } while (eat(','));
                    if (!eat(')')) {
                        throw new Unsupported("a missing ')' after the arguments of " + name);
                    }
                }
                return function(name, args);
            }
            throw new Unsupported("'" + c + "' at position " + (pos + 1));
        }

        private static ToDoubleFunction<Map<String, Double>> function(String name, List<ToDoubleFunction<Map<String, Double>>> args)
                throws Unsupported {
            switch (name) {
                case "round", "rounddown", "roundup" -> {
                    if (args.isEmpty() || args.size() > 2) {
                        throw new Unsupported(name + " with " + args.size() + " arguments");
                    }
                    RoundingMode mode = name.equals("round") ? RoundingMode.HALF_UP
                            : name.equals("rounddown") ? RoundingMode.DOWN : RoundingMode.UP;
                    ToDoubleFunction<Map<String, Double>> x = args.get(0);
                    ToDoubleFunction<Map<String, Double>> digits = args.size() == 2 ? args.get(1) : v -> 0;
                    return v -> {
                        double d = x.applyAsDouble(v);
                        if (Double.isNaN(d) || Double.isInfinite(d)) {
                            return d;
                        }
                        return BigDecimal.valueOf(d).setScale((int) digits.applyAsDouble(v), mode).doubleValue();
                    };
                }
                case "abs", "sqrt" -> {
                    if (args.size() != 1) {
                        throw new Unsupported(name + " with " + args.size() + " arguments");
                    }
                    ToDoubleFunction<Map<String, Double>> x = args.get(0);
                    return name.equals("abs") ? v -> Math.abs(x.applyAsDouble(v)) : v -> Math.sqrt(x.applyAsDouble(v));
                }
                case "sum", "min", "max", "mean" -> {
                    if (args.isEmpty()) {
                        throw new Unsupported(name + " without arguments");
                    }
                    List<ToDoubleFunction<Map<String, Double>>> a = List.copyOf(args);
                    return v -> {
                        // REDCap's sum, min, max and mean leave out empty fields
                        double acc = name.equals("min") ? Double.POSITIVE_INFINITY : name.equals("max") ? Double.NEGATIVE_INFINITY : 0;
                        int n = 0;
                        for (ToDoubleFunction<Map<String, Double>> f : a) {
                            double d = f.applyAsDouble(v);
                            if (Double.isNaN(d)) {
                                continue;
                            }
                            n++;
                            acc = switch (name) {
                                case "min" -> Math.min(acc, d);
                                case "max" -> Math.max(acc, d);
                                default -> acc + d;
                            };
                        }
                        return n == 0 ? Double.NaN : name.equals("mean") ? acc / n : acc;
                    };
                }
                default -> throw new Unsupported("the function " + name + "()");
            }
        }
    }
}
