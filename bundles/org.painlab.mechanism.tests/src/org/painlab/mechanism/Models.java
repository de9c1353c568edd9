package org.painlab.mechanism;

import java.util.List;
import java.util.Map;

import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.Compartment;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Reaction;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.SpeciesReference;

/** Small models with known solutions, built in code. */
final class Models {
    private Models() {
    }

    /** A -> (nothing) at rate k*A in a compartment of size 2, A as a concentration starting at 3. */
    static Model decay(double k) {
        return new Model("decay", "decay", List.of(), List.of(new Compartment("c", "c", 2, true)),
                List.of(new Species("A", "A", "c", Double.NaN, 3, false, false, false, null)),
                List.of(new Parameter("k", "k", k, true)), List.of(), List.of(),
                List.of(new Reaction("r", "r", List.of(new SpeciesReference("A", 1)), List.of(), List.of(),
                        Expr.apply(Op.TIMES, Expr.name("k"), Expr.name("A"), Expr.name("c")), Map.of())),
                List.of(), null);
    }

    /** Logistic growth as a rate rule: dN/dt = r N (1 - N/K). */
    static Model logistic(double r, double capacity, double n0) {
        Expr rate = Expr.apply(Op.TIMES, Expr.name("r"), Expr.name("N"),
                Expr.apply(Op.MINUS, Expr.num(1), Expr.apply(Op.DIVIDE, Expr.name("N"), Expr.name("K"))));
        return new Model("logistic", "logistic", List.of(), List.of(),
                List.of(), List.of(new Parameter("r", "r", r, true), new Parameter("K", "K", capacity, true),
                        new Parameter("N", "N", n0, false)),
                List.of(), List.of(new Rule(Rule.Kind.RATE, "N", rate)), List.of(), List.of(), null);
    }

    /**
     * A ball dropped from height 10 (g = 9.81) that bounces with restitution 0.8: the event at h &lt; 0 reverses
     * the velocity.
     */
    static Model ball() {
        Expr falling = Expr.apply(Op.LT, Expr.name("h"), Expr.num(0));
        Event bounce = new Event("bounce", "bounce", falling, false, true, null,
                List.of(new Event.Assignment("v", Expr.apply(Op.TIMES, Expr.num(-0.8), Expr.name("v"))),
                        new Event.Assignment("h", Expr.num(0))));
        return new Model("ball", "ball", List.of(), List.of(), List.of(),
                List.of(new Parameter("h", "h", 10, false), new Parameter("v", "v", 0, false), new Parameter("g", "g", 9.81, true)),
                List.of(), List.of(new Rule(Rule.Kind.RATE, "h", Expr.name("v")),
                        new Rule(Rule.Kind.RATE, "v", Expr.apply(Op.MINUS, Expr.name("g")))),
                List.of(), List.of(bounce), null);
    }
}
