package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.data.StudyAggregate;
import org.painlab.core.data.StudyData;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;

/** Outcome numbers extracted from references: stored, audited, and offered to analyses through the core data contract. */
class EffectStoreTest {
    @TempDir
    Path tmp;

    @Test
    void effectsAreAuditedAndReachAnalysesAsAggregates() throws Exception {
        try (Study s = Study.create(tmp.resolve("study"), "meta", StudySchemas.contributed())) {
            new LiteratureStore(s, "tester").add(Reference.builder().key("li2022").title("Selective nerve root block for sciatica")
                    .year(2022).build(), "typed in");
            EffectStore effects = new EffectStore(s, "tester");
            StudyAggregate snrb = new StudyAggregate("li2022", "vas", "3 months", "SNRB", 40, 2.1, 1.2, null, null, "p. 5, Table 2");
            StudyAggregate control = new StudyAggregate("li2022", "vas", "3 months", "control", 38, 3.4, 1.5, null, null, "p. 5, Table 2");
            StudyAggregate relief = new StudyAggregate("li2022", "relief50", "3 months", "SNRB", null, null, null, 28, 40, "p. 6");
            ExtractedEffect first = effects.add(snrb, "extracted");
            effects.add(control, "extracted");
            ExtractedEffect third = effects.add(relief, "extracted");

            assertEquals(List.of(relief, snrb, control), effects.list("li2022").stream().map(ExtractedEffect::aggregate).toList(),
                    "ordered by outcome, time point, row");
            List<StudyAggregate> offered = new StudyData().aggregates(s);
            assertEquals(3, offered.size(), "the literature provider offers every extracted effect: " + offered);
            assertTrue(offered.containsAll(List.of(snrb, control, relief)));

            List<AuditEntry> audit = s.read(c -> new AuditLog(c).entries(0, 100));
            AuditEntry added = audit.stream().filter(e -> e.entity().equals("effect")).findFirst().orElseThrow();
            assertEquals("li2022/" + first.id(), added.entityId());
            assertEquals("vas, 3 months, arm SNRB: n=40 mean=2.1 SD=1.2 (p. 5, Table 2)", added.newValue());
            assertEquals("tester", added.actor());

            assertTrue(effects.delete(third.id(), "wrong table"));
            assertFalse(effects.delete(third.id(), "again"));
            assertEquals(2, new StudyData().aggregates(s).size());
            assertEquals("28/40 events", s.read(c -> new AuditLog(c).entries(0, 100)).stream()
                    .filter(e -> e.action().equals("delete")).findFirst().orElseThrow().oldValue().replaceAll(".*: ", "")
                    .replace(" (p. 6)", ""));

            StudyException e = assertThrows(StudyException.class, () -> effects.add(
                    new StudyAggregate("nosuch2020", "vas", null, "A", 10, 1.0, 1.0, null, null, null), "typo"));
            assertTrue(e.getMessage().contains("no reference with key 'nosuch2020'"), e.getMessage());
        }
    }
}
