package org.painlab.trial.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.painlab.core.extension.Contribution;
import org.painlab.trial.Instruments;

/** What the extension registry relies on: public classes, public no-arg constructors, stable ids. */
class BuiltinInstrumentsTest {

    @Test
    void everyBuiltinLoadsByClassName() throws Exception {
        List<Contribution<Instrument>> builtIns = new Instruments().contributions().stream()
                .filter(c -> c.contributor().equals("org.painlab.trial")).toList();
        assertEquals(Set.of("vas", "nrs", "odi", "joa", "sf36", "macnab", "complications"),
                Set.copyOf(builtIns.stream().map(Contribution::id).toList()));
        for (Contribution<Instrument> e : builtIns) {
            Class<?> c = e.get().getClass();
            assertTrue(Modifier.isPublic(c.getModifiers()), c + " public");
            Constructor<?> ctor = c.getConstructor();
            assertTrue(Modifier.isPublic(ctor.getModifiers()));
            Instrument i = (Instrument) ctor.newInstance();
            assertEquals(e.id(), i.id());
            assertEquals(i.id().toLowerCase(java.util.Locale.ROOT), i.id());
            assertFalse(i.name().isBlank());
            assertFalse(i.items().isEmpty());
            Set<String> ids = new HashSet<>();
            for (Item item : i.items()) {
                assertTrue(ids.add(item.id()), "duplicate item id " + item.id());
            }
            assertThrows(UnsupportedOperationException.class, () -> i.items().clear());
        }
    }

    @Test
    void itemValidation() {
        assertThrows(IllegalArgumentException.class, () -> Item.scale("x", "x", 5, 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> Item.scale("x", "x", 0, 5, 0, false));
        assertThrows(IllegalArgumentException.class, () -> Item.scale("x", "x", 0, 5, 2, false));
        assertThrows(IllegalArgumentException.class, () -> Item.scale(" ", "x", 0, 5, 1, false));
        Item i = Item.scale("x", "x", 0, 10, 0.1, false);
        assertTrue(i.isValid(7.3));
        assertFalse(i.isValid(7.35));
        assertEquals(7.3, i.snap(7.300000000000001));
        assertEquals("0–10 in steps of 0.1", i.validValues());
    }

    @Test
    void scoreRejectsNaN() {
        assertThrows(IllegalArgumentException.class, () -> new Score("x", Double.NaN, Map.of(), List.of(), null));
        assertThrows(IllegalArgumentException.class,
                () -> new Score("x", 1, Map.of("a", Double.POSITIVE_INFINITY), List.of(), null));
    }
}
