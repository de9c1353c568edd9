package org.painlab.mechanism.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.sim.Interventions;
import org.painlab.mechanism.ui.internal.model.ExprText;
import org.painlab.mechanism.ui.internal.model.InterventionPlan;
import org.painlab.mechanism.ui.internal.model.SliderScale;

/** Formulas as text keep their meaning; slider positions map to values and back; the plan's undo. */
class ModelTextTest {
    private static Expr n(String id) {
        return Expr.name(id);
    }

    @Test
    void bracketsAppearWhereTheOrderMatters() {
        assertEquals("a - (b - c)", ExprText.of(Expr.apply(Op.MINUS, n("a"), Expr.apply(Op.MINUS, n("b"), n("c")))));
        assertEquals("a - b - c", ExprText.of(Expr.apply(Op.MINUS, Expr.apply(Op.MINUS, n("a"), n("b")), n("c"))));
        assertEquals("(a + b) * c", ExprText.of(Expr.apply(Op.TIMES, Expr.apply(Op.PLUS, n("a"), n("b")), n("c"))));
        assertEquals("a / (b * c)", ExprText.of(Expr.apply(Op.DIVIDE, n("a"), Expr.apply(Op.TIMES, n("b"), n("c")))));
        assertEquals("a * b / c", ExprText.of(Expr.apply(Op.DIVIDE, Expr.apply(Op.TIMES, n("a"), n("b")), n("c"))));
        assertEquals("a^(b + 1)", ExprText.of(Expr.apply(Op.POWER, n("a"), Expr.apply(Op.PLUS, n("b"), Expr.num(1)))));
        assertEquals("-(a + b)", ExprText.of(Expr.apply(Op.MINUS, Expr.apply(Op.PLUS, n("a"), n("b")))));
        assertEquals("1 if time >= t0 else 0", ExprText.of(Expr.apply(Op.PIECEWISE, Expr.num(1),
                Expr.apply(Op.GEQ, new Expr.Time(), n("t0")), Expr.num(0))));
        assertEquals("exp(-k * time)", ExprText.of(Expr.apply(Op.EXP, Expr.apply(Op.TIMES, Expr.apply(Op.MINUS, n("k")), new Expr.Time()))));
        assertEquals("hill(x, 2)", ExprText.of(new Expr.Call("hill", List.of(n("x"), Expr.num(2)))));
        assertEquals("0.5", ExprText.number(0.5));
        assertEquals("1e-9", ExprText.number(1e-9));
        assertEquals("2500000", ExprText.number(2.5e6));
    }

    @Test
    void aPositiveValueSitsInTheMiddleOfALogSlider() {
        SliderScale s = SliderScale.around(2.0);
        assertTrue(s.log());
        assertEquals(SliderScale.STEPS / 2, s.position(2.0));
        assertEquals(0.2, s.value(0), 1e-12);
        assertEquals(20, s.value(SliderScale.STEPS), 1e-9);
        assertEquals(2.0, s.value(SliderScale.STEPS / 2), 1e-12);
        assertEquals(750, s.position(2.0 * Math.sqrt(10)), "a factor of sqrt(10) is a quarter of the way");
        SliderScale zero = SliderScale.around(0);
        assertFalse(zero.log());
        assertEquals(0, zero.value(SliderScale.STEPS / 2), 1e-12);
        SliderScale negative = SliderScale.around(-3);
        assertEquals(-3, negative.value(negative.position(-3)), 0.01);
    }

    @Test
    void everyChangeOfThePlanCanBeUndone() {
        InterventionPlan p = new InterventionPlan();
        assertFalse(p.canUndo());
        p.add("drug", 10);
        p.add("drug", 5);
        assertEquals(List.of("drug@5", "drug@10"), p.specs(), "ordered by time, as mech run writes them");
        assertTrue(p.move(new Interventions.Timed("drug", 10), 20));
        assertFalse(p.move(new Interventions.Timed("drug", 99), 1), "not placed");
        assertTrue(p.delete(new Interventions.Timed("drug", 5)));
        assertEquals(List.of("drug@20"), p.specs());
        assertTrue(p.undo());
        assertEquals(List.of("drug@5", "drug@20"), p.specs());
        assertTrue(p.undo());
        assertEquals(List.of("drug@5", "drug@10"), p.specs());
        p.undo();
        p.undo();
        assertEquals(List.of(), p.specs());
        assertFalse(p.undo());
    }
}
