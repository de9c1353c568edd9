package org.painlab.trial.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The whole-number shortcut of {@link Item#snap} gives exactly what the decimal arithmetic gives, for
 * every grid point of every built-in item (and nearby values with round-off) and for large and negative
 * whole-number grids.
 */
class ItemSnapTest {

    @Test
    void snapEqualsDecimalArithmeticOnEveryBuiltinGridPoint() {
        List<Instrument> all = List.of(new VasInstrument(), new NrsInstrument(), new OdiInstrument(), new JoaInstrument(),
                new Sf36Instrument(), new MacNabInstrument(), new ComplicationsInstrument());
        int checked = 0;
        for (Instrument inst : all) {
            for (Item item : inst.items()) {
                checked += checkGrid(item);
            }
        }
        assertTrue(checked > 1000, "grid points checked: " + checked);
    }

    @Test
    void snapEqualsDecimalArithmeticOnWideWholeNumberGrids() {
        checkGrid(Item.scale("neg", "negative", -6, 0, 3, false));
        checkGrid(Item.scale("big", "large", -1_000_000, 1_000_000, 250, false));
        Item huge = Item.scale("huge", "near 2^53", 0, 4e15, 1e15, false);
        for (double v : new double[] {0, 1e15, 2e15, 3e15, 4e15, 3e15 + 0.4}) {
            assertEquals(decimal(huge, v), huge.snap(v), "snap of " + v);
        }
        assertEquals(0L, Double.doubleToRawLongBits(Item.scale("z", "z", -3, 3, 1, false).snap(-0.0)), "no negative zero");
    }

    private static int checkGrid(Item item) {
        long count = Math.round((item.max() - item.min()) / item.step()) + 1;
        int n = 0;
        for (long k = 0; k < count; k++) {
            double exact = item.min() + k * item.step();
            for (double v : new double[] {exact, Math.nextUp(exact), Math.nextDown(exact), exact + item.step() * 1e-9}) {
                assertEquals(Double.doubleToRawLongBits(decimal(item, v)), Double.doubleToRawLongBits(item.snap(v)),
                        item.id() + ": snap of " + v);
                n++;
            }
        }
        return n;
    }

    /** The decimal arithmetic snap used for every item before the whole-number shortcut. */
    private static double decimal(Item item, double value) {
        double k = Math.rint((value - item.min()) / item.step());
        double v = new BigDecimal(Double.toString(item.min()))
                .add(new BigDecimal(Double.toString(item.step())).multiply(BigDecimal.valueOf((long) k))).doubleValue();
        return v == 0.0 ? 0.0 : v;
    }
}
