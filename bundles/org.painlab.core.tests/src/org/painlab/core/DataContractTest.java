package org.painlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.core.data.ClusteredObservations;
import org.painlab.core.data.StudyAggregate;
import org.painlab.core.data.SubjectData;
import org.painlab.core.data.TimeCourse;
import org.painlab.core.data.VariableKind;

/** The kinds of data of the core contract hold what the areas need and refuse what is inconsistent. */
class DataContractTest {

    private static SubjectData data(double lastValue, String lastStratum) {
        return SubjectData.builder(List.of("S", "P"))
                .subjects(List.of("a", "b", "c"), List.of("S", "P", "S"))
                .stratum("site", new String[] { "Beijing", "Shanghai", lastStratum })
                .numeric("vas", "day1", new double[] { 7, 6, Double.NaN })
                .numeric("vas", "month3", new double[] { 2, 3, lastValue })
                .coded("sex", VariableKind.BINARY, List.of("f", "m"), null, new int[] { 0, 1, -1 })
                .build();
    }

    @Test
    void subjectDataCarryStrataAndAFingerprintOfEveryValue() {
        SubjectData d = data(1, "Beijing");
        assertEquals("Shanghai", d.stratum("site", 1));
        assertEquals(List.of("site"), List.copyOf(d.strata()));
        assertEquals(d.fingerprint(), data(1, "Beijing").fingerprint());
        assertNotEquals(d.fingerprint(), data(1.0000001, "Beijing").fingerprint());
        assertNotEquals(d.fingerprint(), data(1, "Shanghai").fingerprint());
        assertThrows(IllegalArgumentException.class, () -> d.stratum("sex", 0));
    }

    @Test
    void clusteredObservationsKnowTheirClusters() {
        ClusteredObservations o = new ClusteredObservations("volume", "ultrasound volumes",
                List.of("p1", "p1", "p2", "p1"), List.of("v1", "v2", "v3", "v4"),
                Map.of("score", new double[] { 0.1, 0.2, 0.9, 0.4 }));
        assertEquals(List.of("p1", "p2"), o.clusters());
        assertEquals(0, o.clusterOf(3));
        assertEquals(1, o.clusterOf(2));
        assertEquals(0.9, o.values("score")[2]);
        assertThrows(IllegalArgumentException.class, () -> new ClusteredObservations("v", "", List.of("p1"),
                List.of("v1", "v2"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new ClusteredObservations("v", "", List.of("p1", "p2"),
                List.of("v1", "v1"), Map.of()));
    }

    @Test
    void aggregatesAreEitherContinuousOrBinary() {
        StudyAggregate c = new StudyAggregate("Li 2021", "vas", "3 months", "SNRB", 40, 2.1, 1.0, null, null, "Table 2");
        StudyAggregate b = new StudyAggregate("Li 2021", "recurrence", null, "SNRB", null, null, null, 3, 40, "p. 5");
        assertEquals(true, c.continuous());
        assertEquals(false, b.continuous());
        assertThrows(IllegalArgumentException.class,
                () -> new StudyAggregate("x", "vas", null, "A", 40, 2.1, 1.0, 3, 40, null));
        assertThrows(IllegalArgumentException.class,
                () -> new StudyAggregate("x", "recurrence", null, "A", null, null, null, 41, 40, null));
    }

    @Test
    void timeCoursesAscendAndAreCopied() {
        double[] t = { 0, 1, 90 };
        TimeCourse tc = new TimeCourse("vas", "S", "day", t, new double[] { 7, 3, 2 }, new double[] { 1, 1, 1 },
                new int[] { 40, 40, 38 });
        t[0] = 99;
        assertEquals(0.0, tc.times()[0]);
        assertThrows(IllegalArgumentException.class, () -> new TimeCourse("vas", "S", "day", new double[] { 1, 0 },
                new double[2], new double[2], new int[2]));
    }
}
