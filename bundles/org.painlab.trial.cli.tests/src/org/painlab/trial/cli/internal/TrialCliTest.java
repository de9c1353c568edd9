package org.painlab.trial.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.cli.Painlab;


/** The trial subcommands as a user runs them, with the contributed command tree. */
class TrialCliTest {
    @TempDir
    Path tmp;

    @Test
    void scoresOdiWithASkippedSectionAsTheBriefDefines() throws Exception {
        Path answers = tmp.resolve("odi.json");
        // 9 sections answered, sum 18 -> 18 / 45 * 100 = 40
        Files.writeString(answers, "{\"pain_intensity\":2,\"personal_care\":2,\"lifting\":2,\"walking\":2,\"sitting\":2,"
                + "\"standing\":2,\"sleeping\":2,\"social_life\":2,\"travelling\":2}");
        Painlab.Result r = Painlab.run("trial", "score", "odi", "--answers", answers.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> m = r.json();
        assertEquals("odi", m.get("instrument"));
        assertEquals(40.0, ((Number) m.get("score")).doubleValue(), 1e-12);
        assertEquals(List.of("sex_life"), m.get("missing_items"));
    }

    @Test
    void describeListsItemsInOrder() {
        Painlab.Result r = Painlab.run("trial", "score", "odi", "--describe", "--json");
        assertEquals(0, r.exitCode(), r.err());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) r.json().get("items");
        assertEquals(10, items.size());
        assertEquals("pain_intensity", items.get(0).get("id"));
        assertEquals(5.0, ((Number) items.get(0).get("max")).doubleValue());
    }

    @Test
    void outOfRangeAnswerIsExitOneNamingFileAndItem() throws Exception {
        Path answers = tmp.resolve("vas.json");
        Files.writeString(answers, "{\"vas\": 11}");
        Painlab.Result r = Painlab.run("trial", "score", "vas", "--answers", answers.toString(), "--json");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains(answers.toString()) && r.err().contains("vas"), r.err());
    }

    @Test
    void randomizeIsReproducibleAndBalancedInBlocks() {
        Painlab.Result a = Painlab.run("trial", "randomize", "--n", "40", "--arms", "S,P", "--blocks", "4,6", "--seed", "7", "--json");
        Painlab.Result b = Painlab.run("trial", "randomize", "--n", "40", "--arms", "S,P", "--blocks", "4,6", "--seed", "7", "--json");
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(a.out(), b.out());
        Map<String, Object> m = a.json();
        assertEquals(7, ((Number) m.get("seed")).intValue());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> allocations = (List<Map<String, Object>>) m.get("allocations");
        assertEquals(40, allocations.size());
        assertEquals(1, ((Number) allocations.get(0).get("seq")).intValue());
        assertTrue(allocations.stream().allMatch(x -> x.containsKey("block") && x.containsKey("stratum")));
    }

    @Test
    void stratifiedRandomizationReadsStrataFromACsvColumn() throws Exception {
        Path strata = tmp.resolve("strata.csv");
        StringBuilder sb = new StringBuilder("subject,sex\n");
        for (int i = 0; i < 20; i++) {
            sb.append("s").append(i).append(',').append(i % 2 == 0 ? "F" : "M").append('\n');
        }
        Files.writeString(strata, sb);
        Painlab.Result r = Painlab.run("trial", "randomize", "--n", "20", "--arms", "S,P", "--blocks", "2", "--strata", strata + ":sex",
                "--seed", "3", "--json");
        assertEquals(0, r.exitCode(), r.err());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> allocations = (List<Map<String, Object>>) r.json().get("allocations");
        long femaleS = allocations.stream().filter(x -> "F".equals(x.get("stratum")) && "S".equals(x.get("arm"))).count();
        assertEquals(5, femaleS, "blocks of 2 within the F stratum give 5 of 10 to S");
    }

    @Test
    void unknownInstrumentListsTheInstalledOnes() {
        Painlab.Result r = Painlab.run("trial", "score", "nope", "--describe");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("odi") && r.err().contains("sf36"), r.err());
    }
}
