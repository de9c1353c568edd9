package org.painlab.mechanism.internal.sim;

import org.painlab.mechanism.math.Evaluator;

/**
 * A model's right-hand side as one linear register program: every instruction writes one register of a
 * double array from at most two others, so an evaluation is a single loop over int arrays instead of a walk
 * over a tree of lambdas (one megamorphic call per node). Immutable: each caller brings its own registers.
 */
final class Program {
    static final int LOAD_STATE = 0, LOAD_STATE_DIVIDED = 1, TIME = 2, COPY = 3, ADD = 4, SUBTRACT = 5, MULTIPLY = 6,
            DIVIDE = 7, NEGATE = 8, POWER = 9, INTEGER_POWER = 10, EXP = 11, LN = 12, SQRT = 13, LOG10 = 14, SIN = 15,
            COS = 16, TAN = 17, SINH = 18, COSH = 19, TANH = 20, ARCTAN = 21, CALL = 22;

    private final int[] op;
    private final int[] dst;
    private final int[] a;
    private final int[] b;
    private final Evaluator[] calls;

    Program(int[] op, int[] dst, int[] a, int[] b, Evaluator[] calls) {
        this.op = op;
        this.dst = dst;
        this.a = a;
        this.b = b;
        this.calls = calls;
    }

    int length() {
        return op.length;
    }

    /** Runs instructions {@code from} (inclusive) to {@code to} (exclusive) on registers {@code r}. */
    void run(double[] r, double[] y, double t, int from, int to) {
        int[] op = this.op, dst = this.dst, a = this.a, b = this.b;
        for (int i = from; i < to; i++) {
            int x = a[i], z = b[i];
            double v;
            switch (op[i]) {
                case LOAD_STATE -> v = y[x];
                case LOAD_STATE_DIVIDED -> v = y[x] / r[z];
                case TIME -> v = t;
                case COPY -> v = r[x];
                case ADD -> v = r[x] + r[z];
                case SUBTRACT -> v = r[x] - r[z];
                case MULTIPLY -> v = r[x] * r[z];
                case DIVIDE -> v = r[x] / r[z];
                case NEGATE -> v = -r[x];
                case INTEGER_POWER -> v = integerPower(r[x], z);
                case POWER -> {
                    double e = r[z];
                    // Hill exponents are often whole numbers held in parameters
                    v = e == (int) e && e <= 16 && e >= -16 ? integerPower(r[x], (int) e) : Math.pow(r[x], e);
                }
                case CALL -> v = calls[x].eval(r, t);
                default -> v = compute(op[i], r[x], z >= 0 ? r[z] : 0);
            }
            r[dst[i]] = v;
        }
    }

    /** The less frequent operations, also used to fold constants while building. */
    static double compute(int op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> x / y;
            case NEGATE -> -x;
            case POWER -> Math.pow(x, y);
            case EXP -> Math.exp(x);
            case LN -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case LOG10 -> Math.log10(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case TANH -> Math.tanh(x);
            case ARCTAN -> Math.atan(x);
            default -> throw new IllegalStateException("opcode " + op);
        };
    }

    /** x^n by repeated squaring: Hill terms have small whole exponents and Math.pow is far slower there. */
    static double integerPower(double x, int n) {
        if (n < 0) {
            return 1 / integerPower(x, -n);
        }
        double result = 1, base = x;
        while (n > 0) {
            if ((n & 1) != 0) {
                result *= base;
            }
            base *= base;
            n >>= 1;
        }
        return result;
    }
}
