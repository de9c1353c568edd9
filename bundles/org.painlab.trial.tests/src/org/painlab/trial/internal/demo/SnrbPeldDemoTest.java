package org.painlab.trial.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.store.AuditLog;
import org.painlab.trial.demo.DemoSubject;
import org.painlab.trial.demo.DemoTrial;
import org.painlab.trial.demo.DemoTrialGenerator;
import org.painlab.trial.store.ConsortCounts;
import org.painlab.trial.store.GridColumn;
import org.painlab.trial.store.GridRow;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.SubjectGrid;
import org.painlab.trial.store.SubjectRecord;
import org.painlab.trial.store.SubjectStatus;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.TrialTestStudies;

class SnrbPeldDemoTest {
    @TempDir
    Path tmp;

    @Test
    void fillsTheSimulatedTrialAndInfoHasTheContractShape() throws Exception {
        DemoTrial trial = DemoTrialGenerator.generate(TrialTestStudies.SEED);
        try (Study study = TrialTestStudies.demo(tmp.resolve("demo"))) {
            Map<String, Object> info = study.info().toMap();
            assertEquals(77L, info.get("subjects"));
            assertEquals(List.of("S", "P"), info.get("arms"));
            long visitRows = trial.subjects().stream().mapToLong(s -> s.visits().size()).sum();
            assertEquals(visitRows, info.get("visits"));
            assertTrue((Long) info.get("audit_rows") > 77, info.toString());

            TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
            assertTrue(store.simulated());
            assertTrue(store.settings().get(TrialStore.SETTING_DESCRIPTION).contains("SIMULATED"));
            assertTrue(store.subjects().stream().allMatch(Subject::simulated));
            assertTrue(store.screeningLog().stream().allMatch(s -> s.simulated()));
            assertEquals(trial.screenings().size(), store.screeningLog().size());
            assertTrue(store.allocationStatus().locked());
            assertEquals(77, store.allocationStatus().revealed());
            assertTrue(store.allocationStatus().source().contains("SIMULATED"));

            for (DemoSubject d : trial.subjects()) {
                SubjectRecord r = store.subjectRecord(d.subjectId()).orElseThrow();
                assertEquals(d.arm(), r.subject().armCode());
                assertEquals(d.seq(), r.subject().allocationSeq());
                assertEquals(d.lostToFollowUp() ? SubjectStatus.LOST_TO_FOLLOW_UP : SubjectStatus.COMPLETED, r.subject().status());
                assertEquals(d.visits(), r.answers(), d.subjectId());
                assertEquals(SnrbPeldDemo.baseline(d.baseline()), r.baseline());
            }

            // CONSORT counts from the stored data match the generator's own
            ConsortCounts cc = store.consortCounts();
            Map<String, Object> expected = trial.consortCounts();
            assertEquals(((Number) expected.get("screened")).longValue(), cc.screened());
            assertEquals(((Number) expected.get("excluded")).longValue(), cc.excluded());
            assertEquals(((Number) expected.get("randomized")).longValue(), cc.randomized());
            assertEquals(expected.get("excluded_by_reason").toString(), cc.excludedByReason().toString());
            assertEquals(expected.get("allocated").toString(), cc.allocated().toString());
            assertEquals(expected.get("lost_to_follow_up").toString(), cc.lostToFollowUp().toString());
            assertEquals(expected.get("analysed").toString(), cc.analysed().toString());

            // eligibility: an excluded person fails exactly one criterion
            var excluded = store.screeningLog().stream().filter(s -> s.excluded()).findFirst().orElseThrow();
            assertEquals(1, store.eligibility(excluded.id()).values().stream().filter(m -> !m).count());

            // the grid streams every subject with scores computed from the answers
            SubjectGrid grid = store.grid();
            List<String> keys = grid.columns().stream().map(GridColumn::key).toList();
            assertTrue(keys.containsAll(List.of("subject_id", "arm", "age", "vas.admission", "odi.month3", "macnab.month3")), keys.toString());
            assertEquals(77, grid.size());
            int[] n = {0};
            grid.forEach(row -> n[0]++);
            assertEquals(77, n[0]);
            GridRow first = grid.page(0, 1).get(0);
            assertEquals("SIM-001", first.subjectId());
            assertEquals(trial.subjects().get(0).visits().get("admission").get("vas").get("vas"),
                    first.values().get(keys.indexOf("vas.admission")));

            // the SF-36 at a visit: its score, then its eight scales and PCS/MCS as sub-columns
            GridColumn pf = grid.columns().stream().filter(c -> "physical_functioning".equals(c.subscore())).findFirst().orElseThrow();
            String pair = pf.instrumentId() + "." + pf.visitId();
            assertEquals("sf36", pf.instrumentId());
            assertEquals("PF", pf.label());
            int at = keys.indexOf(pair);
            assertTrue(at >= 0, keys.toString());
            List<String> subs = keys.subList(at + 1, at + 11);
            assertEquals(List.of(pair + ".physical_functioning", pair + ".role_physical", pair + ".role_emotional",
                    pair + ".energy_fatigue", pair + ".emotional_wellbeing", pair + ".social_functioning", pair + ".pain",
                    pair + ".general_health", pair + ".pcs_us1998", pair + ".mcs_us1998"), subs);
            var answers = trial.subjects().get(0).visits().get(pf.visitId()).get("sf36");
            var score = new org.painlab.trial.instrument.Sf36Instrument().score(answers);
            assertEquals(score.score(), (Double) first.values().get(at), 1e-9);
            assertEquals(score.subscores().get("physical_functioning"), (Double) first.values().get(at + 1), 1e-9);
            assertEquals(score.subscores().get("mcs_us1998"), (Double) first.values().get(at + 10), 1e-9);

            // the audit trail records the reveals, one per subject
            long reveals = study.read(c -> new AuditLog(c).entries(0, 100_000)).stream()
                    .filter(a -> "reveal".equals(a.action())).count();
            assertEquals(77, reveals);
        }
    }

    /**
     * The demo carries the dates and locks a round trip must keep, consistent with the schedule: each
     * person screened on a date, a subject enrolled and admitted on its screening day, surgery (visit
     * pre_surgery, planned day 0) two days later, day3 three days after it, month3 on day 90 +/- 7; only
     * attended visits have a date, and the attended follow-up visits of every subject (all are past
     * their last visit) are locked.
     */
    @Test
    void screeningAndVisitDatesFollowTheScheduleAndFollowUpVisitsAreLocked() throws Exception {
        DemoTrial trial = DemoTrialGenerator.generate(TrialTestStudies.SEED);
        try (Study study = TrialTestStudies.demo(tmp.resolve("dates"))) {
            TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
            Map<String, java.time.LocalDate> screenedOn = new java.util.HashMap<>();
            java.time.LocalDate previous = null;
            for (var e : store.screeningLog()) {
                assertTrue(e.screenedOn() != null, e.id());
                assertTrue(previous == null || !e.screenedOn().isBefore(previous), "screenings in order of their dates: " + e.id());
                previous = e.screenedOn();
                if (e.subjectId() != null) {
                    screenedOn.put(e.subjectId(), e.screenedOn());
                }
            }
            assertEquals(77, screenedOn.size());
            long locks = 0;
            for (DemoSubject d : trial.subjects()) {
                Subject subject = store.subjectRecord(d.subjectId()).orElseThrow().subject();
                assertEquals(screenedOn.get(d.subjectId()), subject.enrolledOn(), d.subjectId() + ": enrolled on its screening day");
                Map<String, org.painlab.trial.store.SubjectVisit> visits = new java.util.HashMap<>();
                for (var v : store.visits(d.subjectId())) {
                    visits.put(v.visitId(), v);
                }
                assertEquals(d.visits().keySet(), visits.keySet(), d.subjectId() + ": a visit row only for attended visits");
                java.time.LocalDate admission = visits.get("admission").visitDate();
                java.time.LocalDate surgery = visits.get("pre_surgery").visitDate();
                assertEquals(subject.enrolledOn(), admission, d.subjectId());
                assertEquals(2, java.time.temporal.ChronoUnit.DAYS.between(admission, surgery), d.subjectId());
                assertFalse(visits.get("admission").locked() || visits.get("pre_surgery").locked(), "visits before surgery stay open");
                if (visits.containsKey("day3")) {
                    assertEquals(3, java.time.temporal.ChronoUnit.DAYS.between(surgery, visits.get("day3").visitDate()), d.subjectId());
                    assertTrue(visits.get("day3").locked(), d.subjectId());
                    locks++;
                }
                if (d.lostToFollowUp()) {
                    assertFalse(visits.containsKey("month3"));
                } else {
                    long day = java.time.temporal.ChronoUnit.DAYS.between(surgery, visits.get("month3").visitDate());
                    assertTrue(day >= 83 && day <= 97, d.subjectId() + ": month3 on day " + day);
                    assertTrue(visits.get("month3").locked(), d.subjectId());
                    locks++;
                }
            }
            assertEquals(locks, store.datedOrLockedVisits().stream().filter(org.painlab.trial.store.SubjectVisit::locked).count());
        }
    }

    @Test
    void sameSeedSameStudy() throws Exception {
        try (Study a = TrialTestStudies.demo(tmp.resolve("a")); Study b = TrialTestStudies.demo(tmp.resolve("b"))) {
            TrialStore sa = new TrialStore(a, InstrumentCatalog.installed());
            TrialStore sb = new TrialStore(b, InstrumentCatalog.installed());
            assertEquals(sa.subjects(), sb.subjects());
            assertEquals(sa.subjectRecord("SIM-042"), sb.subjectRecord("SIM-042"));
            assertFalse(sa.subjectRecord("SIM-042").orElseThrow().answers().isEmpty());
            assertEquals(sa.datedOrLockedVisits(), sb.datedOrLockedVisits(), "dates and locks are derived, not drawn");
            assertEquals(sa.screeningLog(), sb.screeningLog());
        }
    }
}
