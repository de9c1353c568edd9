package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sbml.Sbml;
import org.painlab.mechanism.sim.Output;
import org.painlab.mechanism.sim.SimulationSettings;
import org.painlab.mechanism.sim.Simulator;
import org.painlab.mechanism.sim.TimeCourse;
import org.painlab.mechanism.solve.Tolerances;

/** SBML import, export and import again keeps what the model does. */
class SbmlRoundTripTest {
    @TempDir
    Path tmp;

    static Path suiteCase(String id) {
        String ref = System.getProperty("painlab.reference");
        if (ref == null) {
            throw new IllegalStateException("System property 'painlab.reference' is not set: run with -Dpainlab.reference=/work/shared/reference");
        }
        Path p = Path.of(ref, "sbml", id, id + "-sbml-l3v2.xml");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("missing " + p + " (from -Dpainlab.reference=" + ref + ")");
        }
        return p;
    }

    private static TimeCourse simulate(Model m) throws Exception {
        List<Output> out = new ArrayList<>();
        for (Species s : m.species()) {
            out.add(new Output(s.id(), true));
        }
        m.parameters().stream().filter(p -> !p.constant()).forEach(p -> out.add(new Output(p.id(), false)));
        return new Simulator(new Solvers()).run(m, new SimulationSettings(0, 5, 50, new Tolerances(1e-12, 1e-10, 1_000_000), "dopri5"),
                out, null);
    }

    /** Cases with function definitions, initial assignments, assignment and rate rules, events. */
    @ParameterizedTest
    @ValueSource(strings = { "00001", "00025", "00027", "00029", "00038", "00183", "00185", "00354", "00619", "00625", "00631", "00928" })
    void roundTripKeepsTheTimeCourse(String id) throws Exception {
        Model first = Sbml.read(suiteCase(id));
        String xml = Sbml.write(first);
        Model second = Sbml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), id + " written back");
        assertEquals(first.species().size(), second.species().size());
        assertEquals(first.events().size(), second.events().size());
        assertEquals(first.rules().size(), second.rules().size());
        assertEquals(first.functions().size(), second.functions().size());
        TimeCourse a = simulate(first), b = simulate(second);
        assertEquals(a.columns(), b.columns());
        for (int i = 0; i < a.times().length; i++) {
            for (int j = 0; j < a.columns().size(); j++) {
                // the same model integrated the same way: equal up to rounding
                assertEquals(a.values()[i][j], b.values()[i][j], 1e-12 * (1 + Math.abs(a.values()[i][j])),
                        id + " " + a.columns().get(j) + " at t = " + a.times()[i]);
            }
        }
    }

    @Test
    void theTestModelReadsWithItsInterventionEvent() throws Exception {
        Model m = new ModelLibrary().open("test-decay");
        assertEquals("test_decay", m.id());
        assertEquals(0.2, m.parameter("k").orElseThrow().value());
        assertTrue(m.event("dose_event").isPresent());
        Model again = Sbml.read(new ByteArrayInputStream(Sbml.write(m).getBytes(StandardCharsets.UTF_8)), "again");
        assertEquals(m.parameters(), again.parameters());
        assertEquals(m.species(), again.species());
    }

    @Test
    void algebraicRulesAreRefusedByNameAndBadFilesNamed() throws Exception {
        String xml = Files.readString(suiteCase("00029")).replace("<assignmentRule metaid=\"rule1\" variable=\"S1\">", "<algebraicRule>")
                .replace("</assignmentRule>", "</algebraicRule>");
        assertTrue(xml.contains("algebraicRule"), "case 00029 has an assignment rule to turn into an algebraic one");
        Path f = tmp.resolve("algebraic.xml");
        Files.writeString(f, xml);
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> Sbml.read(f));
        assertEquals("AlgebraicRule", e.feature());
        Path bad = tmp.resolve("broken.xml");
        Files.writeString(bad, "<sbml xmlns=\"http://www.sbml.org/sbml/level3/version2/core\" level=\"3\" version=\"2\"><model id=\"m\"><listOf");
        ModelException x = assertThrows(ModelException.class, () -> Sbml.read(bad));
        assertTrue(x.getMessage().startsWith(bad.toString()), x.getMessage());
    }
}
