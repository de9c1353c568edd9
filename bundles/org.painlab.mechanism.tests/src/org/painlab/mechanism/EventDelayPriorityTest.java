package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.sbml.Sbml;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.solve.Tolerances;

/**
 * SBML event delays and priorities in the manner of the SBML Test Suite's event cases (a clock s with
 * ds/dt = 1, parameters changed only by events, every row compared with the value the SBML Level 3 semantics
 * give, to 1e-9): the values of a delayed event from its trigger time or its execution time, a non-persistent
 * event cancelled when its trigger turns false before the delay ends, a persistent one that still executes,
 * executions queued by several triggers, and simultaneous events in priority order (including one whose
 * execution makes a lower-priority, non-persistent event's trigger false). Each with both solvers.
 */
class EventDelayPriorityTest {
    private static final double TOLERANCE = 1e-9;
    private static final List<String> SOLVERS = List.of("dopri5", "radau5");

    /** s' = 1 from 0; x, z, flag changed only by events. */
    private static Model clock(List<Event> events) {
        return new Model("clock", "clock", List.of(), List.of(), List.of(),
                List.of(new Parameter("s", "s", 0, false), new Parameter("x", "x", 0, false), new Parameter("z", "z", 0, false),
                        new Parameter("flag", "flag", 1, false)),
                List.of(), List.of(new Rule(Rule.Kind.RATE, "s", Expr.num(1))), List.of(), events, null);
    }

    private static Expr timeAtLeast(double t) {
        return Expr.apply(Op.GEQ, new Expr.Time(), Expr.num(t));
    }

    private static Event.Assignment set(String variable, Expr value) {
        return new Event.Assignment(variable, value);
    }

    private static TimeCourse run(Model m, String solver, String column) throws Exception {
        return new Simulator(new Solvers()).run(m, new SimulationSettings(0, 5, 10, new Tolerances(1e-10, 1e-8, 1_000_000), solver),
                List.of(new Output(column, false)), null);
    }

    /** The column at each of the 11 rows (t = 0, 0.5, ..., 5). */
    private static void assertRows(Model m, String column, double[] expected) throws Exception {
        for (String solver : SOLVERS) {
            TimeCourse tc = run(m, solver, column);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], tc.values()[i][0], TOLERANCE, solver + ": " + column + " at t = " + tc.times()[i]);
            }
        }
    }

    @Test
    void delayedValuesFromTriggerTime() throws Exception {
        // at t = 1, z = s is computed (1) and assigned at t = 3
        Event e = new Event("e", "e", timeAtLeast(1), true, true, Expr.num(2), List.of(set("z", Expr.name("s"))), true, null);
        assertRows(clock(List.of(e)), "z", new double[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1});
    }

    @Test
    void delayedValuesFromExecutionTime() throws Exception {
        // z = s computed when executed at t = 3
        Event e = new Event("e", "e", timeAtLeast(1), true, true, Expr.num(2), List.of(set("z", Expr.name("s"))), false, null);
        assertRows(clock(List.of(e)), "z", new double[] {0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3});
    }

    @Test
    void delayComputedAtTriggerTime() throws Exception {
        // delay = s + 1 = 2.5 at the trigger (t = 1.5): executes at t = 4
        Event e = new Event("e", "e", timeAtLeast(1.5), true, true, Expr.apply(Op.PLUS, Expr.name("s"), Expr.num(1)),
                List.of(set("x", Expr.num(7))), true, null);
        assertRows(clock(List.of(e)), "x", new double[] {0, 0, 0, 0, 0, 0, 0, 0, 7, 7, 7});
    }

    @Test
    void nonPersistentEventIsCancelledWhenItsTriggerTurnsFalse() throws Exception {
        // trigger 1 <= s < 2 (true from t = 1 to 2), delay 1.4: execution at 2.4 is after the trigger turned false
        Expr window = Expr.apply(Op.AND, Expr.apply(Op.GEQ, Expr.name("s"), Expr.num(1)), Expr.apply(Op.LT, Expr.name("s"), Expr.num(2)));
        Event transient_ = new Event("e", "e", window, true, false, Expr.num(1.4), List.of(set("x", Expr.num(1))), true, null);
        assertRows(clock(List.of(transient_)), "x", new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        Event persistent = new Event("e", "e", window, true, true, Expr.num(1.4), List.of(set("x", Expr.num(1))), true, null);
        assertRows(clock(List.of(persistent)), "x", new double[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1});
        // a delay shorter than the window: executes at 1.6 even if not persistent
        Event shortDelay = new Event("e", "e", window, true, false, Expr.num(0.6), List.of(set("x", Expr.num(1))), true, null);
        assertRows(clock(List.of(shortDelay)), "x", new double[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1});
    }

    @Test
    void eachTriggerQueuesAnExecution() throws Exception {
        // x = x + 1 delayed by 2, triggered at t = 1 and t = 1.5 (two events): executions at 3 and 3.5, each
        // computing x + 1 when it executes
        Event a = new Event("a", "a", timeAtLeast(1), true, true, Expr.num(2), List.of(set("x", Expr.apply(Op.PLUS, Expr.name("x"), Expr.num(1)))), false, null);
        Event b = new Event("b", "b", timeAtLeast(1.5), true, true, Expr.num(2), List.of(set("x", Expr.apply(Op.PLUS, Expr.name("x"), Expr.num(1)))), false, null);
        assertRows(clock(List.of(a, b)), "x", new double[] {0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2});
    }

    @Test
    void simultaneousEventsExecuteInPriorityOrder() throws Exception {
        // both at t = 2: the higher priority executes first, the lower one's value stays
        Event high = new Event("high", "high", timeAtLeast(2), true, true, null, List.of(set("x", Expr.num(1))), true, Expr.num(10));
        Event low = new Event("low", "low", timeAtLeast(2), true, true, null, List.of(set("x", Expr.num(2))), true, Expr.num(1));
        assertRows(clock(List.of(high, low)), "x", new double[] {0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2});
        assertRows(clock(List.of(low, high)), "x", new double[] {0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2});
        Event lowFirst = new Event("high", "high", timeAtLeast(2), true, true, null, List.of(set("x", Expr.num(1))), true, Expr.num(-5));
        assertRows(clock(List.of(lowFirst, low)), "x", new double[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1});
    }

    @Test
    void higherPriorityExecutionCancelsANonPersistentEvent() throws Exception {
        // at t = 2 both trigger; "off" (priority 2) sets flag = 0, which makes the trigger of "count" (flag = 1
        // and t >= 2, not persistent, priority 1) false before it executes
        Event off = new Event("off", "off", timeAtLeast(2), true, true, null, List.of(set("flag", Expr.num(0))), true, Expr.num(2));
        Expr countTrigger = Expr.apply(Op.AND, timeAtLeast(2), Expr.apply(Op.EQ, Expr.name("flag"), Expr.num(1)));
        Event count = new Event("count", "count", countTrigger, true, false, null, List.of(set("x", Expr.num(5))), true, Expr.num(1));
        assertRows(clock(List.of(off, count)), "x", new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        // persistent, it executes anyway
        Event countPersistent = new Event("count", "count", countTrigger, true, true, null, List.of(set("x", Expr.num(5))), true, Expr.num(1));
        assertRows(clock(List.of(off, countPersistent)), "x", new double[] {0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5});
    }

    @Test
    void delayAndPriorityKeptThroughSbml() throws Exception {
        Event e = new Event("e", "e", timeAtLeast(1), true, false, Expr.num(2), List.of(set("z", Expr.name("s"))), false, Expr.num(3));
        Model back = Sbml.read(new java.io.ByteArrayInputStream(Sbml.write(clock(List.of(e))).getBytes(java.nio.charset.StandardCharsets.UTF_8)), "round trip");
        Event read = back.events().get(0);
        assertEquals(Expr.num(2), read.delay());
        assertEquals(Expr.num(3), read.priority());
        assertTrue(!read.useValuesFromTriggerTime() && !read.persistent());
    }
}
