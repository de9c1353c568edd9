package org.painlab.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestResultTest {

    @Test
    void toMapUsesSnakeCaseCoreKeysThenExtrasThenEffectSizes() {
        TestResult r = TestResult.builder("t-welch")
                .statistic("t", -4.269438711320018)
                .pValue(0.0005193555024444282)
                .df(16.977708982942683)
                .estimate("mean of x", 5.57)
                .confInt(Double.NEGATIVE_INFINITY, -0.8)
                .alternative(Alternative.LESS)
                .extra("n_x", 10)
                .extra("values", new double[] {1, Double.NaN})
                .effectSize(new EffectSize("Cohen's d", -1.7, -2.7, -0.7, 0.95))
                .build();
        Map<String, Object> map = r.toMap();
        assertEquals(List.of("method", "statistic", "statistic_name", "p_value", "df", "estimate", "conf_int",
                "alternative", "n_x", "values", "effect_sizes"), new ArrayList<>(map.keySet()));
        assertEquals(0.0005193555024444282, map.get("p_value"), "full precision, never rounded");
        assertEquals("less", map.get("alternative"));
        assertEquals(List.of(Double.NEGATIVE_INFINITY, -0.8), map.get("conf_int"));
        assertEquals(10L, map.get("n_x"));
        assertNull(((List<?>) map.get("values")).get(1), "NaN has no JSON form");
        Map<?, ?> es = (Map<?, ?>) ((List<?>) map.get("effect_sizes")).get(0);
        assertEquals("Cohen's d", es.get("name"));
        assertEquals(0.95, es.get("conf_level"));
    }

    @Test
    void statisticMayBeNullButIsAlwaysWritten() {
        Map<String, Object> map = TestResult.builder("fisher").pValue(0.5).build().toMap();
        assertTrue(map.containsKey("statistic"));
        assertNull(map.get("statistic"));
        assertEquals(List.of("method", "statistic", "p_value"), new ArrayList<>(map.keySet()));
    }

    @Test
    void extrasMayNotShadowCoreKeys() {
        assertThrows(IllegalArgumentException.class, () -> TestResult.builder("x").extra("p_value", 1));
    }

    @Test
    void accessorsReturnCopies() {
        TestResult r = TestResult.builder("x").pValue(0.1).confInt(1, 2).estimate("a", 1).build();
        r.confInt()[0] = 99;
        r.estimate().put("b", 2.0);
        assertEquals(1, r.confInt()[0]);
        assertEquals(1, r.estimate().size());
    }

    @Test
    void alternativeParsesRSpelling() {
        assertEquals(Alternative.TWO_SIDED, Alternative.parse("two.sided"));
        assertEquals(Alternative.TWO_SIDED, Alternative.parse("Two-Sided"));
        assertEquals(Alternative.LESS, Alternative.parse("less"));
        assertEquals("greater", Alternative.GREATER.id());
        assertThrows(IllegalArgumentException.class, () -> Alternative.parse("bigger"));
    }

    @Test
    void optionsValidate() {
        TestOptions o = TestOptions.defaults();
        assertEquals(Alternative.TWO_SIDED, o.alternative());
        assertNull(o.exact());
        assertEquals("wilcox", o.zeroMethod());
        assertEquals(0.95, o.confLevel());
        assertEquals("pratt", o.withZeroMethod("Pratt").zeroMethod());
        assertThrows(IllegalArgumentException.class, () -> o.withZeroMethod("zsplit"));
        assertThrows(IllegalArgumentException.class, () -> o.withConfLevel(1.0));
        assertEquals(1.0, o.withExtra("rho", 1).extraDouble("rho", 0));
        assertThrows(IllegalArgumentException.class, () -> o.withExtra("rho", "one").extraDouble("rho", 0));
    }
}
