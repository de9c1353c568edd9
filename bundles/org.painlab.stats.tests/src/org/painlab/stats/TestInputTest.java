package org.painlab.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestInputTest {

    private static IllegalArgumentException refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run);
    }

    @Test
    void readsJsonShapedNumbersAndArrays() {
        TestInput in = TestInput.of(Map.of("x", List.of(1, 2.5, 3L), "mu", 5, "d", new double[] {1, 2}));
        assertArrayEquals(new double[] {1, 2.5, 3}, in.doubles("x"));
        assertArrayEquals(new double[] {1, 2}, in.doubles("d"));
        assertEquals(5.0, in.scalar("mu"));
        assertEquals(0.0, in.scalar("absent", 0));
        assertTrue(in.has("x"));
        assertFalse(in.has("y"));
    }

    @Test
    void missingFieldIsNamed() {
        TestInput in = TestInput.of(Map.of("x", List.of(1)));
        assertTrue(refused(() -> in.doubles("y")).getMessage().contains("'y'"));
        assertTrue(refused(() -> in.table()).getMessage().contains("'table_rows'"));
        assertTrue(refused(() -> in.groups()).getMessage().contains("'groups'"));
    }

    @Test
    void elementProblemsNameFieldAndPosition() {
        TestInput in = TestInput.of(Map.of("x", Arrays.asList(1, null), "y", List.of(1, "a"), "z", 3,
                "w", List.of(1, Double.NaN)));
        assertTrue(refused(() -> in.doubles("x")).getMessage().contains("field 'x' element 1"));
        assertTrue(refused(() -> in.doubles("y")).getMessage().contains("field 'y' element 1"));
        assertTrue(refused(() -> in.doubles("z")).getMessage().contains("field 'z' must be an array"));
        assertTrue(refused(() -> in.doubles("w")).getMessage().contains("finite"));
        assertTrue(refused(() -> in.scalar("y")).getMessage().contains("'y'"));
    }

    @Test
    void groupsKeepOrderAndAcceptArraysOfArrays() {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("placebo", List.of(1, 2));
        named.put("drug", List.of(3));
        LinkedHashMap<String, double[]> g = TestInput.of(Map.of("groups", named)).groups();
        assertEquals(List.of("placebo", "drug"), List.copyOf(g.keySet()));
        LinkedHashMap<String, double[]> h = TestInput.of(Map.of("groups", List.of(List.of(1), List.of(2, 3))))
                .groups();
        assertEquals(List.of("g1", "g2"), List.copyOf(h.keySet()));
        assertArrayEquals(new double[] {2, 3}, h.get("g2"));
    }

    @Test
    void emptyGroupIsNamed() {
        TestInput in = TestInput.of(Map.of("groups", Map.of("A", List.of(1), "B", List.of())));
        IllegalArgumentException e = refused(in::groups);
        assertTrue(e.getMessage().contains("group 'B'") && e.getMessage().contains("'groups'"), e.getMessage());
    }

    @Test
    void tableMustBeRectangularNonNegativeIntegers() {
        assertArrayEquals(new long[] {1, 2}, TestInput.of(Map.of("table_rows", List.of(List.of(1, 2.0),
                List.of(3, 4)))).table()[0]);
        for (List<List<Object>> bad : List.of(
                List.of(List.<Object>of(1, -2), List.<Object>of(3, 4)),
                List.of(List.<Object>of(1, 2.5), List.<Object>of(3, 4)),
                List.of(List.<Object>of(1, 2), List.<Object>of(3)),
                List.<List<Object>>of())) {
            IllegalArgumentException e = refused(() -> TestInput.of(Map.of("table_rows", bad)).table());
            assertTrue(e.getMessage().contains("'table_rows'"), e.getMessage());
        }
    }

    @Test
    void intsAndStrings() {
        TestInput in = TestInput.of(Map.of("status", List.of(1, 0, true, false), "group", List.of(1, 2.0, "A"),
                "bad", List.of(1.5)));
        assertArrayEquals(new int[] {1, 0, 1, 0}, in.ints("status"));
        assertArrayEquals(new String[] {"1", "2", "A"}, in.strings("group"));
        assertTrue(refused(() -> in.ints("bad")).getMessage().contains("'bad'"));
    }

    @Test
    void inputIsCopied() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("x", List.of(1));
        TestInput in = TestInput.of(map);
        map.put("y", List.of(2));
        assertFalse(in.has("y"));
    }
}
