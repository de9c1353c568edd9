package org.painlab.stats.plan;

import org.painlab.core.data.VariableKind;

import org.painlab.core.data.SubjectData;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.painlab.stats.Alternative;

class AnalysisPlanTest {

    private final SubjectData data = SimulatedTrial.generate(40, 1);

    @Test
    void defaultPlanPutsTheTrialVariablesInTheirTables() {
        AnalysisPlan p = AnalysisPlan.defaultFor(data);
        assertEquals("ITT", p.population());
        assertEquals(0.05, p.alpha());
        assertEquals(Alternative.TWO_SIDED, p.alternative());
        assertEquals(TableSection.BASELINE, spec(p, "age").section());
        assertEquals(TableSection.PAIN, spec(p, "vas").section());
        assertEquals(TableSection.FUNCTION, spec(p, "odi").section());
        assertEquals(TableSection.COMPLICATIONS, spec(p, "recurrent_pain").section());
        assertEquals(TableSection.EFFICACY, spec(p, "macnab").section());
        assertEquals(List.of("excellent", "good"), spec(p, "macnab").eventLevels());
        assertEquals(List.of("yes"), spec(p, "diabetes").eventLevels());
        assertEquals("Age (years)", spec(p, "age").label());
        assertEquals("3 months after surgery", p.timePointLabel("month3"));
    }

    @Test
    void planFileSetsEverythingItNames() {
        String json = """
                {"title": "T", "population": "PP", "alpha": 0.01, "alternative": "less", "conf_level": 0.9,
                 "expected_count_rule": "cochran", "quantile_type": 7, "arms": ["P", "S"], "control_arm": "S",
                 "time_point_labels": {"month3": "3 mo"},
                 "variables": [{"name": "age", "label": "Age", "decimals": 2},
                               {"name": "vas", "section": "pain", "time_points": ["admission", "month3"]},
                               {"name": "pfirrmann", "kind": "categorical"}],
                 "overrides": {"vas": [{"test": "t-welch"}, {"test": "wilcoxon-signed-rank", "exact": true}]},
                 "table_overrides": {"baseline": {"test": "mann-whitney", "correct": true}}}
                """;
        AnalysisPlan p = AnalysisPlan.parse(json, data);
        assertEquals("PP", p.population());
        assertEquals(0.01, p.alpha());
        assertEquals(Alternative.LESS, p.alternative());
        assertEquals(ExpectedCountRule.COCHRAN, p.countRule());
        assertEquals(7, p.quantileType());
        assertEquals(List.of("P", "S"), p.armsIn(data));
        assertEquals("S", p.controlIn(data));
        assertEquals("3 mo", p.timePointLabel("month3"));
        assertEquals(3, p.variables().size());
        assertEquals(2, spec(p, "age").decimals());
        assertEquals(List.of("admission", "month3"), spec(p, "vas").timePoints());
        assertEquals(VariableKind.CATEGORICAL, spec(p, "pfirrmann").kind());
        assertEquals(2, p.variableOverrides().get("vas").size());
        assertEquals(Boolean.TRUE, p.variableOverrides().get("vas").get(1).exact());
        assertTrue(p.tableOverrides().get(TableSection.BASELINE).get(0).correct());
    }

    @Test
    void errorsNameTheField() {
        assertMessage("{\"alpa\": 0.05}", "plan: unknown field 'alpa'");
        assertMessage("{\"alpha\": 2}", "alpha must be between 0 and 1");
        assertMessage("{\"variables\": [{\"name\": \"nope\"}]}", "variables[0].name: variable 'nope' is not in the data");
        assertMessage("{\"variables\": [{\"name\": \"age\", \"kind\": \"ordinal\"}]}", "variables[0] ('age'): kind");
        assertMessage("{\"variables\": [{\"name\": \"vas\", \"time_points\": [\"week1\"]}]}",
                "time point 'week1' is not in the data");
        assertMessage("{\"overrides\": {\"vas\": {\"test\": \"t-welch\", \"comparison\": \"across\"}}}",
                "overrides.vas: unknown comparison 'across'");
        assertMessage("{\"table_overrides\": {\"tabel1\": {\"test\": \"t-welch\"}}}", "table_overrides: unknown table");
        assertMessage("{\"alpha\": ", "not valid JSON");
    }

    private void assertMessage(String json, String start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnalysisPlan.parse(json, data));
        assertTrue(e.getMessage().contains(start), e.getMessage());
    }

    private static VariableSpec spec(AnalysisPlan p, String name) {
        return p.variables().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }
}
