package org.painlab.mechanism.sensitivity;

import java.util.ArrayList;
import java.util.List;

import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Rule;

/** Models whose sensitivity indices are known in closed form. */
final class TestModels {
    private TestModels() {
    }

    /**
     * The Ishigami function as a model: y = sin x1 + a sin² x2 + b x3⁴ sin x1 by an assignment rule, beside a state
     * z with rate rule 0 so the simulator integrates something.
     */
    static Model ishigami(double a, double b) {
        Expr x1 = Expr.name("x1"), x2 = Expr.name("x2"), x3 = Expr.name("x3");
        Expr y = Expr.apply(Op.PLUS, Expr.apply(Op.SIN, x1),
                Expr.apply(Op.TIMES, Expr.name("a"), Expr.apply(Op.POWER, Expr.apply(Op.SIN, x2), Expr.num(2))),
                Expr.apply(Op.TIMES, Expr.name("b"), Expr.apply(Op.POWER, x3, Expr.num(4)), Expr.apply(Op.SIN, x1)));
        return new Model("ishigami", "Ishigami function", List.of(), List.of(), List.of(),
                List.of(new Parameter("x1", "x1", 0.1, true), new Parameter("x2", "x2", 0.2, true),
                        new Parameter("x3", "x3", 0.3, true), new Parameter("a", "a", a, true), new Parameter("b", "b", b, true),
                        new Parameter("z", "z", 0, false), new Parameter("y", "y", Double.NaN, false)),
                List.of(), List.of(new Rule(Rule.Kind.RATE, "z", Expr.num(0)), new Rule(Rule.Kind.ASSIGNMENT, "y", y)),
                List.of(), List.of(), null);
    }

    /**
     * dx/dt = Σ c_i k_i with x(0) = 0, so x(1) = Σ c_i k_i: a linear function of the parameters integrated by the solver.
     */
    static Model linear(double... c) {
        List<Parameter> ps = new ArrayList<>();
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            ps.add(new Parameter("k" + (i + 1), "k" + (i + 1), 1, true));
            terms.add(Expr.apply(Op.TIMES, Expr.num(c[i]), Expr.name("k" + (i + 1))));
        }
        ps.add(new Parameter("x", "x", 0, false));
        return new Model("linear", "linear", List.of(), List.of(), List.of(), ps, List.of(),
                List.of(new Rule(Rule.Kind.RATE, "x", Expr.apply(Op.PLUS, terms.toArray(Expr[]::new)))), List.of(), List.of(), null);
    }
}
