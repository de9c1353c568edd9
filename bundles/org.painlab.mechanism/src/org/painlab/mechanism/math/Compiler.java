package org.painlab.mechanism.math;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Turns expressions into {@link Evaluator}s: names become array indices, function definitions are inlined,
 * constants are folded. A trigger can also be compiled to a continuous switching function for event
 * location ({@link #switching}).
 *
 * @since 0.1
 */
public final class Compiler {
    private final ToIntFunction<String> index;
    private final Map<String, FunctionDefinition> functions;

    /**
     * @param index symbol id to value index, negative when unknown
     * @param functions the model's function definitions by id
     */
    public Compiler(ToIntFunction<String> index, Map<String, FunctionDefinition> functions) {
        this.index = index;
        this.functions = Map.copyOf(functions);
    }

    /** @throws MathException naming an unknown symbol or function */
    public Evaluator compile(Expr e) {
        return build(inline(e, Map.of(), 0));
    }

    /**
     * {@code e} with the function definitions inlined: what {@link #compile} evaluates, for compilers of their
     * own (a whole right-hand side at once) and for symbolic differentiation.
     *
     * @throws MathException naming an unknown function or a wrong number of arguments
     */
    public Expr inline(Expr e) {
        return inline(e, Map.of(), 0);
    }

    /**
     * A function that is positive where the truth value {@code e} is true and negative where it is false, and
     * continuous where the condition is a comparison (x &gt; y gives x - y), so a root finder can locate the
     * switch; conditions it cannot make continuous give +1/-1.
     */
    public Evaluator switching(Expr e) {
        return sw(inline(e, Map.of(), 0));
    }

    private Evaluator sw(Expr e) {
        if (e instanceof Expr.Apply a) {
            List<Expr> x = a.args();
            switch (a.op()) {
                case GT, GEQ -> {
                    if (x.size() == 2) {
                        Evaluator l = build(x.get(0)), r = build(x.get(1));
                        return (v, t) -> difference(l.eval(v, t), r.eval(v, t));
                    }
                }
                case LT, LEQ -> {
                    if (x.size() == 2) {
                        Evaluator l = build(x.get(0)), r = build(x.get(1));
                        return (v, t) -> difference(r.eval(v, t), l.eval(v, t));
                    }
                }
                case AND -> {
                    Evaluator[] p = x.stream().map(this::sw).toArray(Evaluator[]::new);
                    return (v, t) -> {
                        double m = Double.POSITIVE_INFINITY;
                        for (Evaluator q : p) {
                            m = Math.min(m, q.eval(v, t));
                        }
                        return m;
                    };
                }
                case OR -> {
                    Evaluator[] p = x.stream().map(this::sw).toArray(Evaluator[]::new);
                    return (v, t) -> {
                        double m = Double.NEGATIVE_INFINITY;
                        for (Evaluator q : p) {
                            m = Math.max(m, q.eval(v, t));
                        }
                        return m;
                    };
                }
                case NOT -> {
                    Evaluator p = sw(x.get(0));
                    return (v, t) -> -p.eval(v, t);
                }
                default -> {
                }
            }
        }
        Evaluator b = build(e);
        return (v, t) -> b.eval(v, t) != 0 ? 1 : -1;
    }

    /**
     * a - b, but 0 when they differ only by rounding: a state resting on a threshold (an equilibrium at
     * the trigger's value) must not look like a sign change to the root finder.
     */
    private static double difference(double a, double b) {
        double d = a - b;
        return Math.abs(d) <= 8 * Math.ulp(Math.max(Math.abs(a), Math.abs(b))) ? 0 : d;
    }

    private Expr inline(Expr e, Map<String, Expr> args, int depth) {
        if (depth > 100) {
            throw new MathException("function definitions call each other without end");
        }
        return switch (e) {
            case Expr.Name n -> args.getOrDefault(n.id(), n);
            case Expr.Apply a -> new Expr.Apply(a.op(), a.args().stream().map(x -> inline(x, args, depth)).toList());
            case Expr.Call c -> {
                FunctionDefinition f = functions.get(c.function());
                if (f == null) {
                    throw new MathException("unknown function '" + c.function() + "'");
                }
                if (f.arguments().size() != c.args().size()) {
                    throw new MathException("function '" + f.id() + "' takes " + f.arguments().size() + " argument(s), called with "
                            + c.args().size());
                }
                Map<String, Expr> bound = new HashMap<>();
                for (int i = 0; i < f.arguments().size(); i++) {
                    bound.put(f.arguments().get(i), inline(c.args().get(i), args, depth));
                }
                // the body sees only its own arguments, never the caller's
                yield inline(f.body(), bound, depth + 1);
            }
            default -> e;
        };
    }

    private Evaluator build(Expr e) {
        return switch (e) {
            case Expr.Num n -> constant(n.value());
            case Expr.Time t -> (v, tt) -> tt;
            case Expr.Name n -> {
                int i = index.applyAsInt(n.id());
                if (i < 0) {
                    throw new MathException("unknown symbol '" + n.id() + "'");
                }
                yield (v, t) -> v[i];
            }
            case Expr.Call c -> throw new MathException("function '" + c.function() + "' not inlined");
            case Expr.Apply a -> apply(a);
        };
    }

    private static Evaluator constant(double c) {
        return (v, t) -> c;
    }

    private Evaluator apply(Expr.Apply a) {
        Evaluator[] p = a.args().stream().map(this::build).toArray(Evaluator[]::new);
        int n = p.length;
        Evaluator x = n > 0 ? p[0] : null;
        Evaluator y = n > 1 ? p[1] : null;
        return switch (a.op()) {
            case PLUS -> n == 0 ? constant(0) : n == 1 ? x : n == 2 ? (v, t) -> x.eval(v, t) + y.eval(v, t) : (v, t) -> {
                double s = 0;
                for (Evaluator q : p) {
                    s += q.eval(v, t);
                }
                return s;
            };
            case TIMES -> n == 0 ? constant(1) : n == 1 ? x : n == 2 ? (v, t) -> x.eval(v, t) * y.eval(v, t) : (v, t) -> {
                double s = 1;
                for (Evaluator q : p) {
                    s *= q.eval(v, t);
                }
                return s;
            };
            case MINUS -> n == 1 ? (v, t) -> -x.eval(v, t) : (v, t) -> x.eval(v, t) - y.eval(v, t);
            case DIVIDE -> (v, t) -> x.eval(v, t) / y.eval(v, t);
            case POWER -> (v, t) -> Math.pow(x.eval(v, t), y.eval(v, t));
            case ROOT -> n == 1 ? (v, t) -> Math.sqrt(x.eval(v, t)) : (v, t) -> root(x.eval(v, t), y.eval(v, t));
            case ABS -> (v, t) -> Math.abs(x.eval(v, t));
            case EXP -> (v, t) -> Math.exp(x.eval(v, t));
            case LN -> (v, t) -> Math.log(x.eval(v, t));
            case LOG -> n == 1 ? (v, t) -> Math.log10(x.eval(v, t)) : (v, t) -> Math.log(y.eval(v, t)) / Math.log(x.eval(v, t));
            case FLOOR -> (v, t) -> Math.floor(x.eval(v, t));
            case CEILING -> (v, t) -> Math.ceil(x.eval(v, t));
            case FACTORIAL -> (v, t) -> factorial(x.eval(v, t));
            case SIN -> (v, t) -> Math.sin(x.eval(v, t));
            case COS -> (v, t) -> Math.cos(x.eval(v, t));
            case TAN -> (v, t) -> Math.tan(x.eval(v, t));
            case SEC -> (v, t) -> 1 / Math.cos(x.eval(v, t));
            case CSC -> (v, t) -> 1 / Math.sin(x.eval(v, t));
            case COT -> (v, t) -> 1 / Math.tan(x.eval(v, t));
            case SINH -> (v, t) -> Math.sinh(x.eval(v, t));
            case COSH -> (v, t) -> Math.cosh(x.eval(v, t));
            case TANH -> (v, t) -> Math.tanh(x.eval(v, t));
            case SECH -> (v, t) -> 1 / Math.cosh(x.eval(v, t));
            case CSCH -> (v, t) -> 1 / Math.sinh(x.eval(v, t));
            case COTH -> (v, t) -> 1 / Math.tanh(x.eval(v, t));
            case ARCSIN -> (v, t) -> Math.asin(x.eval(v, t));
            case ARCCOS -> (v, t) -> Math.acos(x.eval(v, t));
            case ARCTAN -> (v, t) -> Math.atan(x.eval(v, t));
            case ARCSEC -> (v, t) -> Math.acos(1 / x.eval(v, t));
            case ARCCSC -> (v, t) -> Math.asin(1 / x.eval(v, t));
            case ARCCOT -> (v, t) -> Math.atan(1 / x.eval(v, t));
            case ARCSINH -> (v, t) -> asinh(x.eval(v, t));
            case ARCCOSH -> (v, t) -> {
                double z = x.eval(v, t);
                return Math.log(z + Math.sqrt(z * z - 1));
            };
            case ARCTANH -> (v, t) -> {
                double z = x.eval(v, t);
                return 0.5 * Math.log((1 + z) / (1 - z));
            };
            case ARCSECH -> (v, t) -> {
                double z = 1 / x.eval(v, t);
                return Math.log(z + Math.sqrt(z * z - 1));
            };
            case ARCCSCH -> (v, t) -> asinh(1 / x.eval(v, t));
            case ARCCOTH -> (v, t) -> {
                double z = x.eval(v, t);
                return 0.5 * Math.log((z + 1) / (z - 1));
            };
            case MIN -> (v, t) -> {
                double m = Double.POSITIVE_INFINITY;
                for (Evaluator q : p) {
                    m = Math.min(m, q.eval(v, t));
                }
                return m;
            };
            case MAX -> (v, t) -> {
                double m = Double.NEGATIVE_INFINITY;
                for (Evaluator q : p) {
                    m = Math.max(m, q.eval(v, t));
                }
                return m;
            };
            case QUOTIENT -> (v, t) -> {
                double q = x.eval(v, t) / y.eval(v, t);
                return q < 0 ? Math.ceil(q) : Math.floor(q);
            };
            case REM -> (v, t) -> x.eval(v, t) % y.eval(v, t);
            case EQ -> chain(p, (l, r) -> l == r);
            case NEQ -> (v, t) -> x.eval(v, t) != y.eval(v, t) ? 1 : 0;
            case LT -> chain(p, (l, r) -> l < r);
            case LEQ -> chain(p, (l, r) -> l <= r);
            case GT -> chain(p, (l, r) -> l > r);
            case GEQ -> chain(p, (l, r) -> l >= r);
            case AND -> (v, t) -> {
                for (Evaluator q : p) {
                    if (q.eval(v, t) == 0) {
                        return 0;
                    }
                }
                return 1;
            };
            case OR -> (v, t) -> {
                for (Evaluator q : p) {
                    if (q.eval(v, t) != 0) {
                        return 1;
                    }
                }
                return 0;
            };
            case XOR -> (v, t) -> {
                int c = 0;
                for (Evaluator q : p) {
                    c += q.eval(v, t) != 0 ? 1 : 0;
                }
                return c % 2;
            };
            case NOT -> (v, t) -> x.eval(v, t) == 0 ? 1 : 0;
            case IMPLIES -> (v, t) -> x.eval(v, t) == 0 || y.eval(v, t) != 0 ? 1 : 0;
            case PIECEWISE -> (v, t) -> {
                int i = 0;
                for (; i + 1 < n; i += 2) {
                    if (p[i + 1].eval(v, t) != 0) {
                        return p[i].eval(v, t);
                    }
                }
                return i < n ? p[i].eval(v, t) : Double.NaN;
            };
        };
    }

    private interface Relation {
        boolean holds(double l, double r);
    }

    private static Evaluator chain(Evaluator[] p, Relation rel) {
        return (v, t) -> {
            double prev = p[0].eval(v, t);
            for (int i = 1; i < p.length; i++) {
                double cur = p[i].eval(v, t);
                if (!rel.holds(prev, cur)) {
                    return 0;
                }
                prev = cur;
            }
            return 1;
        };
    }

    private static double root(double degree, double x) {
        if (degree == 2) {
            return Math.sqrt(x);
        }
        if (degree == 3) {
            return Math.cbrt(x);
        }
        return Math.pow(x, 1 / degree);
    }

    private static double asinh(double z) {
        return Math.log(z + Math.sqrt(z * z + 1));
    }

    private static double factorial(double z) {
        if (z < 0 || z != Math.floor(z)) {
            return Double.NaN;
        }
        double f = 1;
        for (int i = 2; i <= z && f < Double.POSITIVE_INFINITY; i++) {
            f *= i;
        }
        return f;
    }
}
