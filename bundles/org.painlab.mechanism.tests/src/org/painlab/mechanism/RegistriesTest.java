package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The solvers and models extension points: built-ins present, broken contributions skipped. */
class RegistriesTest {
    @Test
    void solversListTheBuiltInAndSkipBrokenOnes() {
        List<Solvers.Entry> all = new Solvers().all();
        List<String> ids = all.stream().map(Solvers.Entry::id).toList();
        assertTrue(ids.contains("dopri5"), ids.toString());
        assertTrue(ids.contains("test-stiff"), ids.toString());
        assertFalse(ids.contains("org.painlab.mechanism.tests.noClass"), ids.toString());
        assertEquals(1, ids.stream().filter("dopri5"::equals).count(), "duplicate id refused");
        Solvers.Entry dopri = new Solvers().find("dopri5").orElseThrow();
        assertEquals("org.painlab.mechanism", dopri.contribution().contributor());
        assertFalse(dopri.stiff());
        assertTrue(new Solvers().first(true).orElseThrow().stiff());
    }

    @Test
    void modelsAreContributedWithoutClass() {
        List<ModelLibrary.Entry> all = new ModelLibrary().all();
        ModelLibrary.Entry e = all.stream().filter(x -> x.id().equals("test-decay")).findFirst().orElseThrow(() -> new AssertionError(all));
        assertEquals("models/test-decay.xml", e.resource());
        assertTrue(e.description().startsWith("First-order elimination"), e.description());
        assertTrue(all.stream().allMatch(x -> x.id() != null && !x.id().isBlank()));
    }
}
