package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.math.Compiler;
import org.painlab.mechanism.math.Evaluator;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.FunctionDefinition;
import org.painlab.mechanism.math.MathException;
import org.painlab.mechanism.math.Op;

/** Compiled expressions give the values of the formulas they came from. */
class ExpressionTest {
    private static final Map<String, Integer> SLOTS = Map.of("x", 0, "y", 1);
    private static final double[] V = {2.0, 5.0};

    private static Compiler compiler(FunctionDefinition... fs) {
        Map<String, FunctionDefinition> m = new java.util.HashMap<>();
        for (FunctionDefinition f : fs) {
            m.put(f.id(), f);
        }
        return new Compiler(id -> SLOTS.getOrDefault(id, -1), m);
    }

    private static double eval(Expr e) {
        return compiler().compile(e).eval(V, 3.0);
    }

    @Test
    void arithmeticAndFunctions() {
        assertEquals(2 + 5 * 3.0, eval(Expr.apply(Op.PLUS, Expr.name("x"), Expr.apply(Op.TIMES, Expr.name("y"), new Expr.Time()))));
        assertEquals(-2, eval(Expr.apply(Op.MINUS, Expr.name("x"))));
        assertEquals(Math.pow(2, 5), eval(Expr.apply(Op.POWER, Expr.name("x"), Expr.name("y"))));
        assertEquals(Math.cbrt(5), eval(Expr.apply(Op.ROOT, Expr.num(3), Expr.name("y"))), 1e-15);
        assertEquals(Math.log(5) / Math.log(2), eval(Expr.apply(Op.LOG, Expr.name("x"), Expr.name("y"))), 1e-15);
        assertEquals(120, eval(Expr.apply(Op.FACTORIAL, Expr.name("y"))));
        assertEquals(Math.exp(-2), eval(Expr.apply(Op.EXP, Expr.apply(Op.MINUS, Expr.name("x")))), 1e-15);
        assertEquals(0.5 * Math.log(3), eval(Expr.apply(Op.ARCTANH, Expr.num(0.5))), 1e-15);
    }

    @Test
    void logicAndPiecewise() {
        assertEquals(1, eval(Expr.apply(Op.LT, Expr.name("x"), new Expr.Time(), Expr.name("y"))));
        assertEquals(0, eval(Expr.apply(Op.LT, Expr.name("x"), Expr.name("y"), new Expr.Time())));
        assertEquals(0, eval(Expr.apply(Op.AND, Expr.apply(Op.GT, Expr.name("x"), Expr.num(1)), Expr.apply(Op.GT, Expr.name("y"), Expr.num(9)))));
        assertEquals(1, eval(Expr.apply(Op.XOR, Expr.num(1), Expr.num(0), Expr.num(0))));
        // piecewise(10 if x > 3, 20 if y > 3, otherwise 30)
        Expr pw = Expr.apply(Op.PIECEWISE, Expr.num(10), Expr.apply(Op.GT, Expr.name("x"), Expr.num(3)), Expr.num(20),
                Expr.apply(Op.GT, Expr.name("y"), Expr.num(3)), Expr.num(30));
        assertEquals(20, eval(pw));
    }

    @Test
    void functionDefinitionsAreInlinedWithTheirOwnArguments() {
        // f(x, k) = k * x: the body's x is the argument, not the model's x
        FunctionDefinition f = new FunctionDefinition("f", List.of("x", "k"), Expr.apply(Op.TIMES, Expr.name("k"), Expr.name("x")));
        Evaluator e = compiler(f).compile(new Expr.Call("f", List.of(Expr.name("y"), Expr.num(3))));
        assertEquals(15, e.eval(V, 0));
        assertThrows(MathException.class, () -> compiler(f).compile(new Expr.Call("f", List.of(Expr.name("y")))));
        MathException unknown = assertThrows(MathException.class, () -> compiler().compile(Expr.name("z")));
        assertTrue(unknown.getMessage().contains("'z'"), unknown.getMessage());
    }

    @Test
    void switchingFunctionsAreContinuousAroundComparisons() {
        Evaluator g = compiler().switching(Expr.apply(Op.GEQ, new Expr.Time(), Expr.num(4)));
        assertEquals(-1, g.eval(V, 3), 1e-15);
        assertEquals(0.5, g.eval(V, 4.5), 1e-15);
        Evaluator both = compiler().switching(Expr.apply(Op.AND, Expr.apply(Op.GT, new Expr.Time(), Expr.num(1)),
                Expr.apply(Op.LT, new Expr.Time(), Expr.num(2))));
        assertTrue(both.eval(V, 1.5) > 0 && both.eval(V, 0.5) < 0 && both.eval(V, 2.5) < 0);
    }
}
