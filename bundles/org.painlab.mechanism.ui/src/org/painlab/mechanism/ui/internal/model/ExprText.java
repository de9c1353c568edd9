package org.painlab.mechanism.ui.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;

/** A model's mathematics as readable infix text: {@code k1 * A / (K + A)}, {@code piecewise(...)} as if/else. */
public final class ExprText {
    private ExprText() {
    }

    /** The text of {@code e}. */
    public static String of(Expr e) {
        return text(e, 0);
    }

    /** Binding strength: higher binds tighter. */
    private static int precedence(Op op) {
        return switch (op) {
            case OR, XOR, IMPLIES -> 1;
            case AND -> 2;
            case EQ, NEQ, LT, LEQ, GT, GEQ -> 3;
            case PLUS, MINUS -> 4;
            case TIMES, DIVIDE -> 5;
            case POWER -> 7;
            default -> 9;
        };
    }

    private static String text(Expr e, int outer) {
        return switch (e) {
            case Expr.Num n -> number(n.value());
            case Expr.Name n -> n.id();
            case Expr.Time t -> "time";
            case Expr.Call c -> c.function() + "(" + String.join(", ", c.args().stream().map(a -> text(a, 0)).toList()) + ")";
            case Expr.Apply a -> apply(a, outer);
        };
    }

    private static String apply(Expr.Apply a, int outer) {
        Op op = a.op();
        List<Expr> args = a.args();
        int p = precedence(op);
        String s;
        switch (op) {
            case PLUS, TIMES, AND, OR, XOR, EQ, LT, LEQ, GT, GEQ, NEQ, IMPLIES -> {
                if (args.isEmpty()) {
                    return switch (op) {
                        case TIMES -> "1";
                        case AND -> "true";
                        case OR, XOR -> "false";
                        default -> "0";
                    };
                }
                String sep = " " + op.symbol() + " ";
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    // a right operand of equal strength keeps its brackets where order matters
                    parts.add(text(args.get(i), i == 0 ? p : p + (op == Op.PLUS || op == Op.TIMES ? 0 : 1)));
                }
                s = String.join(sep, parts);
            }
            case MINUS -> {
                if (args.size() == 1) {
                    s = "-" + text(args.get(0), 6);
                    p = 6;
                } else {
                    s = text(args.get(0), p) + " - " + text(args.get(1), p + 1);
                }
            }
            case DIVIDE -> s = text(args.get(0), p) + " / " + text(args.get(1), p + 1);
            case POWER -> s = text(args.get(0), p + 1) + "^" + text(args.get(1), p);
            case NOT -> {
                s = "not " + text(args.get(0), 8);
                p = 8;
            }
            case PIECEWISE -> {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i + 1 < args.size(); i += 2) {
                    b.append(i == 0 ? "" : " else ").append(text(args.get(i), 0)).append(" if ").append(text(args.get(i + 1), 0));
                }
                if (args.size() % 2 == 1) {
                    b.append(args.size() == 1 ? "" : " else ").append(text(args.get(args.size() - 1), 0));
                }
                s = b.toString();
                p = 0;
            }
            default -> {
                return op.symbol() + "(" + String.join(", ", args.stream().map(x -> text(x, 0)).toList()) + ")";
            }
        }
        return p < outer ? "(" + s + ")" : s;
    }

    /** A number as short as it reads: 2, 0.5, 1e-09. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return parts[0].replaceAll("\\.?0+$", "") + "e" + Integer.parseInt(parts[1]);
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
