package org.painlab.mechanism;

import java.util.List;

import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Rule;

/** Models whose steady states and their eigenvalues are known in closed form. */
final class SteadyModels {
    private SteadyModels() {
    }

    /** Logistic growth with harvest: dx/dt = r x (1 - x/K) - h x; steady states 0 and K (1 - h/r), eigenvalues ±(r - h). */
    static Model harvest(double r, double capacity, double h, double x0) {
        Expr x = Expr.name("x");
        Expr rate = Expr.apply(Op.MINUS,
                Expr.apply(Op.TIMES, Expr.name("r"), x, Expr.apply(Op.MINUS, Expr.num(1), Expr.apply(Op.DIVIDE, x, Expr.name("K")))),
                Expr.apply(Op.TIMES, Expr.name("h"), x));
        return new Model("harvest", "logistic growth with harvest", List.of(), List.of(), List.of(),
                List.of(new Parameter("r", "r", r, true), new Parameter("K", "K", capacity, true), new Parameter("h", "h", h, true),
                        new Parameter("x", "x", x0, false)),
                List.of(), List.of(new Rule(Rule.Kind.RATE, "x", rate)), List.of(), List.of(), null);
    }

    /** dx/dt = a - b x, dy/dt = c x - d y: steady state x = a/b, y = a c / (b d), eigenvalues -b and -d. */
    static Model chain(double a, double b, double c, double d) {
        Expr x = Expr.name("x"), y = Expr.name("y");
        return new Model("chain", "production chain", List.of(), List.of(), List.of(),
                List.of(new Parameter("a", "a", a, true), new Parameter("b", "b", b, true), new Parameter("c", "c", c, true),
                        new Parameter("d", "d", d, true), new Parameter("x", "x", 0, false), new Parameter("y", "y", 0, false)),
                List.of(), List.of(new Rule(Rule.Kind.RATE, "x", Expr.apply(Op.MINUS, Expr.name("a"), Expr.apply(Op.TIMES, Expr.name("b"), x))),
                        new Rule(Rule.Kind.RATE, "y", Expr.apply(Op.MINUS, Expr.apply(Op.TIMES, Expr.name("c"), x),
                                Expr.apply(Op.TIMES, Expr.name("d"), y)))),
                List.of(), List.of(), null);
    }

    /** dx/dt = 1: no steady state. */
    static Model drift() {
        return new Model("drift", "drift", List.of(), List.of(), List.of(), List.of(new Parameter("x", "x", 0, false)), List.of(),
                List.of(new Rule(Rule.Kind.RATE, "x", Expr.num(1))), List.of(), List.of(), null);
    }
}
