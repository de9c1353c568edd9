package org.painlab.mechanism.internal.sim;

import java.util.ArrayList;
import java.util.List;

import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;

/**
 * Symbolic partial derivatives of expression trees (function definitions already inlined), simplified as they
 * are built (zeros dropped, ones left out, constants folded) so the analytic Jacobian stays small. Piecewise
 * expressions differentiate branch by branch (exact away from the switches); comparisons and logic have
 * derivative zero; an operation without a rule here throws {@link NotDifferentiable}, and the solver then
 * keeps finite differences.
 */
final class Differentiation {
    /** The expression uses an operation this class has no derivative for. */
    static final class NotDifferentiable extends Exception {
        private static final long serialVersionUID = 1L;

        NotDifferentiable(Op op) {
            super("no derivative for " + op.symbol());
        }
    }

    private static final Expr ZERO = Expr.num(0);
    private static final Expr ONE = Expr.num(1);

    private Differentiation() {
    }

    /** d e / d u, treating every other name as a constant. */
    static Expr partial(Expr e, String u) throws NotDifferentiable {
        if (!reads(e, u)) {
            return ZERO;
        }
        if (e instanceof Expr.Name) {
            return ONE;
        }
        Expr.Apply a = (Expr.Apply) e;
        List<Expr> x = a.args();
        switch (a.op()) {
            case PLUS -> {
                List<Expr> terms = new ArrayList<>();
                for (Expr t : x) {
                    terms.add(partial(t, u));
                }
                return plus(terms);
            }
            case MINUS -> {
                return x.size() == 1 ? negate(partial(x.get(0), u)) : minus(partial(x.get(0), u), partial(x.get(1), u));
            }
            case TIMES -> {
                List<Expr> terms = new ArrayList<>();
                for (int i = 0; i < x.size(); i++) {
                    Expr d = partial(x.get(i), u);
                    if (isZero(d)) {
                        continue;
                    }
                    List<Expr> factors = new ArrayList<>();
                    for (int k = 0; k < x.size(); k++) {
                        factors.add(k == i ? d : x.get(k));
                    }
                    terms.add(times(factors));
                }
                return plus(terms);
            }
            case DIVIDE -> {
                Expr f = x.get(0), g = x.get(1);
                Expr df = partial(f, u), dg = partial(g, u);
                Expr first = divide(df, g);
                if (isZero(dg)) {
                    return first;
                }
                return minus(first, divide(times(List.of(f, dg)), Expr.apply(Op.POWER, g, Expr.num(2))));
            }
            case POWER -> {
                Expr f = x.get(0), g = x.get(1);
                Expr df = partial(f, u);
                if (!reads(g, u)) {
                    Expr lowered = g instanceof Expr.Num n ? Expr.num(n.value() - 1) : Expr.apply(Op.MINUS, g, ONE);
                    Expr power = lowered instanceof Expr.Num n && n.value() == 1 ? f : Expr.apply(Op.POWER, f, lowered);
                    return times(List.of(g, power, df));
                }
                Expr dg = partial(g, u);
                return times(List.of(e, plus(List.of(times(List.of(dg, Expr.apply(Op.LN, f))), divide(times(List.of(g, df)), f)))));
            }
            case ROOT -> {
                if (x.size() == 1) {
                    return divide(partial(x.get(0), u), times(List.of(Expr.num(2), e)));
                }
                if (reads(x.get(0), u)) {
                    throw new NotDifferentiable(a.op());
                }
                // the degree-th root of f = f^(1/degree)
                Expr d = divide(ONE, x.get(0));
                return times(List.of(d, divide(e, x.get(1)), partial(x.get(1), u)));
            }
            case EXP -> {
                return times(List.of(e, partial(x.get(0), u)));
            }
            case LN -> {
                return divide(partial(x.get(0), u), x.get(0));
            }
            case LOG -> {
                if (x.size() == 2) {
                    throw new NotDifferentiable(a.op());
                }
                return divide(partial(x.get(0), u), times(List.of(x.get(0), Expr.num(Math.log(10)))));
            }
            case SIN -> {
                return times(List.of(Expr.apply(Op.COS, x.get(0)), partial(x.get(0), u)));
            }
            case COS -> {
                return negate(times(List.of(Expr.apply(Op.SIN, x.get(0)), partial(x.get(0), u))));
            }
            case TAN -> {
                return divide(partial(x.get(0), u), Expr.apply(Op.POWER, Expr.apply(Op.COS, x.get(0)), Expr.num(2)));
            }
            case SINH -> {
                return times(List.of(Expr.apply(Op.COSH, x.get(0)), partial(x.get(0), u)));
            }
            case COSH -> {
                return times(List.of(Expr.apply(Op.SINH, x.get(0)), partial(x.get(0), u)));
            }
            case TANH -> {
                return times(List.of(minus(ONE, Expr.apply(Op.POWER, e, Expr.num(2))), partial(x.get(0), u)));
            }
            case ARCTAN -> {
                return divide(partial(x.get(0), u), plus(List.of(ONE, Expr.apply(Op.POWER, x.get(0), Expr.num(2)))));
            }
            case FLOOR, CEILING, EQ, NEQ, LT, LEQ, GT, GEQ, AND, OR, XOR, NOT, IMPLIES -> {
                return ZERO;
            }
            case PIECEWISE -> {
                List<Expr> branches = new ArrayList<>();
                boolean allZero = true;
                for (int i = 0; i < x.size(); i++) {
                    boolean condition = i % 2 == 1;
                    Expr b = condition ? x.get(i) : partial(x.get(i), u);
                    allZero &= condition || isZero(b);
                    branches.add(b);
                }
                return allZero ? ZERO : new Expr.Apply(Op.PIECEWISE, branches);
            }
            default -> throw new NotDifferentiable(a.op());
        }
    }

    /** Whether {@code e} reads the name {@code u}. */
    static boolean reads(Expr e, String u) {
        if (e instanceof Expr.Name n) {
            return n.id().equals(u);
        }
        List<Expr> args = e instanceof Expr.Apply a ? a.args() : e instanceof Expr.Call c ? c.args() : List.of();
        for (int i = 0, n = args.size(); i < n; i++) {
            if (reads(args.get(i), u)) {
                return true;
            }
        }
        return false;
    }

    static boolean isZero(Expr e) {
        return e instanceof Expr.Num n && n.value() == 0;
    }

    private static boolean isOne(Expr e) {
        return e instanceof Expr.Num n && n.value() == 1;
    }

    static Expr plus(List<Expr> terms) {
        List<Expr> kept = new ArrayList<>();
        double c = 0;
        for (Expr t : terms) {
            if (t instanceof Expr.Num n) {
                c += n.value();
            } else {
                kept.add(t);
            }
        }
        if (c != 0 || kept.isEmpty()) {
            kept.add(Expr.num(c));
        }
        return kept.size() == 1 ? kept.get(0) : new Expr.Apply(Op.PLUS, kept);
    }

    static Expr times(List<Expr> factors) {
        List<Expr> kept = new ArrayList<>();
        double c = 1;
        for (Expr f : factors) {
            if (f instanceof Expr.Num n) {
                c *= n.value();
            } else {
                kept.add(f);
            }
        }
        if (c == 0) {
            return ZERO;
        }
        if (c != 1 || kept.isEmpty()) {
            kept.add(0, Expr.num(c));
        }
        return kept.size() == 1 ? kept.get(0) : new Expr.Apply(Op.TIMES, kept);
    }

    private static Expr negate(Expr e) {
        if (e instanceof Expr.Num n) {
            return Expr.num(-n.value());
        }
        return Expr.apply(Op.MINUS, e);
    }

    private static Expr minus(Expr a, Expr b) {
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return negate(b);
        }
        return Expr.apply(Op.MINUS, a, b);
    }

    private static Expr divide(Expr a, Expr b) {
        if (isZero(a)) {
            return ZERO;
        }
        if (isOne(b)) {
            return a;
        }
        return Expr.apply(Op.DIVIDE, a, b);
    }
}
