package org.painlab.trial.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.importer.ImportException;
import org.painlab.core.store.AuditEntry;
import org.painlab.core.store.AuditLog;
import org.painlab.trial.randomization.AllocationList;
import org.painlab.trial.randomization.AllocationRequest;
import org.painlab.trial.randomization.Randomizer;

class TrialStoreTest {
    @TempDir
    Path tmp;
    Study study;
    TrialStore store;

    @BeforeEach
    void setUp() throws Exception {
        study = TrialTestStudies.create(tmp.resolve("study"));
        store = new TrialStore(study, InstrumentCatalog.installed());
        store.edit("alice", e -> {
            e.addArm("S", "SNRB + PELD", null);
            e.addArm("P", "PELD only", null);
            e.addVisit("admission", "On admission", null);
            e.addVisit("month3", "3 months", 90);
            e.schedule("S", "admission", "vas");
            e.schedule("S", "admission", "odi");
            e.schedule("P", "admission", "vas");
            e.defineVariable(new VariableDefinition("age", "Age", VariableType.INTEGER, "years", 18.0, 80.0, Map.of(), 0));
            e.defineVariable(VariableDefinition.of("note", "Note", VariableType.TEXT, 0));
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        study.close();
    }

    private AllocationList list(int n, long seed) {
        return Randomizer.allocate(AllocationRequest.builder().n(n).arms("S", "P").ratio(1, 1).blockSizes(4)
                .method(AllocationRequest.Method.PERMUTED_BLOCKS).seed(seed).build());
    }

    private List<AuditEntry> audit() throws Exception {
        return study.read(c -> new AuditLog(c).entries(0, 100_000));
    }

    private long auditSize() throws Exception {
        return study.read(c -> new AuditLog(c).size());
    }

    private void enrolOne(String id) throws Exception {
        if (store.allocationStatus().size() == 0) {
            store.storeAllocationList("alice", list(8, 7), null);
            store.lockAllocationList("alice", null);
        }
        store.enroll("alice", id, null, null);
    }

    @Test
    void gridStreamingStopsWhenCancelled() throws Exception {
        enrolOne("X-001");
        enrolOne("X-002");
        List<GridRow> all = new java.util.ArrayList<>();
        store.grid().forEach(all::add, new org.eclipse.core.runtime.NullProgressMonitor());
        assertEquals(List.of("X-001", "X-002"), all.stream().map(GridRow::subjectId).toList());
        var cancelled = new org.eclipse.core.runtime.NullProgressMonitor();
        cancelled.setCanceled(true);
        List<GridRow> none = new java.util.ArrayList<>();
        assertThrows(org.eclipse.core.runtime.OperationCanceledException.class, () -> store.grid().forEach(none::add, cancelled));
        assertEquals(List.of(), none, "a cancelled read hands out no row");
    }

    @Test
    void designIsReadBackInOrder() throws Exception {
        assertEquals(List.of("S", "P"), store.arms().stream().map(Arm::code).toList());
        assertEquals(List.of("admission", "month3"), store.visitDefinitions().stream().map(VisitDefinition::id).toList());
        assertEquals(3, store.schedule().size());
        assertEquals(List.of("age", "note"), store.variableDefinitions().stream().map(VariableDefinition::name).toList());
        assertEquals(List.of("S", "P"), study.info().counts().get("arms"));
        assertTrue(audit().stream().anyMatch(a -> a.entity().equals("arm") && a.entityId().equals("S") && a.actor().equals("alice")));
    }

    @Test
    void armIsConcealedUntilEnrolmentAndTheRevealIsAudited() throws Exception {
        AllocationList generated = list(8, 42);
        store.storeAllocationList("alice", generated, null);
        // not locked yet: no enrolment
        TrialDataException notLocked = assertThrows(TrialDataException.class, () -> store.enroll("bob", "X-001", null, null));
        assertTrue(notLocked.getMessage().contains("not locked"), notLocked.getMessage());
        store.lockAllocationList("alice", "ready");

        AllocationStatus status = store.allocationStatus();
        assertEquals(8, status.size());
        assertEquals(0, status.revealed());
        assertTrue(status.locked());
        assertEquals(64, status.sha256().length());
        assertTrue(store.revealedAllocations().isEmpty(), "nothing revealed before enrolment");
        assertTrue(store.subject("X-001").isEmpty());
        // the arm of seq 1 is nowhere in the audit trail before enrolment
        assertFalse(audit().stream().anyMatch(a -> "allocation".equals(a.entity())));

        Subject s = store.enroll("bob", "X-001", null, null);
        assertEquals(generated.get(1).arm(), s.armCode());
        assertEquals(1, s.allocationSeq());
        assertEquals(SubjectStatus.ENROLLED, s.status());
        assertEquals(1, store.revealedAllocations().size());
        assertEquals(generated.get(1).arm(), store.revealedAllocations().get(0).arm());
        Subject s2 = store.enroll("bob", "X-002", null, null);
        assertEquals(generated.get(2).arm(), s2.armCode());
        AuditEntry reveal = audit().stream().filter(a -> "reveal".equals(a.action())).findFirst().orElseThrow();
        assertEquals("bob", reveal.actor());
        assertEquals("1", reveal.entityId());
        assertEquals(generated.get(1).arm(), reveal.newValue());
        assertTrue(reveal.reason().contains("X-001"));

        // a locked list cannot be replaced
        TrialDataException replaced = assertThrows(TrialDataException.class,
                () -> store.storeAllocationList("alice", list(8, 43), "new list"));
        assertTrue(replaced.getMessage().contains("locked"), replaced.getMessage());
        assertThrows(TrialDataException.class, () -> store.enroll("bob", "X-001", null, null), "duplicate id");
    }

    @Test
    void exhaustedListIsRefused() throws Exception {
        store.storeAllocationList("alice", list(4, 1), null);
        store.lockAllocationList("alice", null);
        for (int i = 1; i <= 4; i++) {
            store.enroll("bob", "X-00" + i, null, null);
        }
        TrialDataException e = assertThrows(TrialDataException.class, () -> store.enroll("bob", "X-005", null, null));
        assertTrue(e.getMessage().contains("no line left"), e.getMessage());
    }

    @Test
    void replacingAnUnlockedListNeedsAReasonAndIsAudited() throws Exception {
        store.storeAllocationList("alice", list(8, 1), null);
        assertThrows(TrialDataException.class, () -> store.storeAllocationList("alice", list(8, 2), " "));
        store.storeAllocationList("alice", list(8, 2), "wrong seed");
        AuditEntry e = audit().stream().filter(a -> "allocation_list".equals(a.entity()) && "update".equals(a.action()))
                .findFirst().orElseThrow();
        assertEquals("wrong seed", e.reason());
        assertTrue(e.oldValue().contains("8 lines"));
    }

    @Test
    void uploadedAllocationListReportsEveryProblem() throws Exception {
        Path csv = tmp.resolve("list.csv");
        Files.writeString(csv, "seq,arm,block\n1,S,1\n2,X,1\nthree,P,1\n2,P,1\n5,P,x\n");
        ImportException e = assertThrows(ImportException.class, () -> store.uploadAllocationList("alice", csv, null));
        Map<Long, String> byLine = e.problems().stream().filter(p -> p.record() > 0)
                .collect(Collectors.toMap(p -> p.record(), p -> p.field(), (a, b) -> a + "," + b));
        assertEquals("arm", byLine.get(3L));
        assertEquals("seq", byLine.get(4L));
        assertEquals("seq", byLine.get(5L));
        assertEquals("block", byLine.get(6L));
        assertEquals(0, store.allocationStatus().size());

        Files.writeString(csv, "1,S\n2,P,1,stratum-a\n");
        store.uploadAllocationList("alice", csv, null);
        assertEquals(2, store.allocationStatus().size());
        assertEquals("uploaded: list.csv", store.allocationStatus().source());
    }

    @Test
    void variableChangesAreAuditedWithOldNewAndReason() throws Exception {
        enrolOne("X-001");
        store.setVariable("alice", "X-001", "age", VariableValue.of(54), null);
        TrialDataException noReason = assertThrows(TrialDataException.class,
                () -> store.setVariable("alice", "X-001", "age", VariableValue.of(55), ""));
        assertTrue(noReason.getMessage().contains("reason"), noReason.getMessage());
        store.setVariable("carol", "X-001", "age", VariableValue.of(55), "typo in CRF");
        assertThrows(TrialDataException.class, () -> store.deleteVariable("carol", "X-001", "age", null));
        TrialDataException range = assertThrows(TrialDataException.class,
                () -> store.setVariable("alice", "X-001", "age", VariableValue.of(90), "x"));
        assertTrue(range.getMessage().contains("out of range"), range.getMessage());
        assertThrows(TrialDataException.class, () -> store.setVariable("alice", "X-001", "weight", VariableValue.of(90), "x"));
        assertEquals(Map.of("age", VariableValue.of(55)), store.baseline("X-001"));
        store.deleteVariable("dave", "X-001", "age", "withdrawn consent for this item");
        assertTrue(store.baseline("X-001").isEmpty());

        List<AuditEntry> rows = audit().stream().filter(a -> "variable".equals(a.entity())).toList();
        assertEquals(3, rows.size());
        assertEquals(List.of("insert", "update", "delete"), rows.stream().map(AuditEntry::action).toList());
        assertNull(rows.get(0).oldValue());
        assertEquals("54", rows.get(0).newValue());
        assertEquals("54", rows.get(1).oldValue());
        assertEquals("55", rows.get(1).newValue());
        assertEquals("typo in CRF", rows.get(1).reason());
        assertEquals("carol", rows.get(1).actor());
        assertEquals("55", rows.get(2).oldValue());
        assertNull(rows.get(2).newValue());
        assertEquals("dave", rows.get(2).actor());
        assertTrue(rows.stream().allMatch(a -> a.entityId().equals("X-001") && a.field().equals("age") && a.at() != null));
    }

    @Test
    void answersAreValidatedAndChangesAuditedPerItem() throws Exception {
        enrolOne("X-001");
        Map<String, Double> odi = new HashMap<>();
        for (String item : List.of("pain_intensity", "personal_care", "lifting", "walking", "sitting", "standing", "sleeping",
                "sex_life", "social_life", "travelling")) {
            odi.put(item, 2.0);
        }
        store.saveAnswers("alice", "X-001", "admission", "odi", odi, null);
        assertEquals(10, store.answers("X-001", "admission", "odi").size());
        assertEquals("pain_intensity", store.answers("X-001", "admission", "odi").keySet().iterator().next());

        long before = auditSize();
        Map<String, Double> bad = new HashMap<>(odi);
        bad.put("lifting", 7.0);
        bad.put("walking", 2.5);
        bad.put("flying", 1.0);
        TrialDataException e = assertThrows(TrialDataException.class,
                () -> store.saveAnswers("alice", "X-001", "admission", "odi", bad, "fix"));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("X-001") && e.getMessage().contains("admission") && e.getMessage().contains("lifting"),
                e.getMessage());
        assertTrue(e.getMessage().contains("walking") && e.getMessage().contains("flying"), e.getMessage());
        assertEquals(before, auditSize(), "a refused write adds no audit row");
        assertEquals(2.0, store.answers("X-001", "admission", "odi").get("lifting"));

        TrialDataException vas = assertThrows(TrialDataException.class,
                () -> store.saveAnswers("alice", "X-001", "admission", "vas", Map.of("vas", 11.0), null));
        assertTrue(vas.getMessage().contains("out of range"), vas.getMessage());

        Map<String, Double> changed = new HashMap<>(odi);
        changed.put("lifting", 3.0);
        changed.remove("sex_life");
        assertThrows(TrialDataException.class, () -> store.saveAnswers("alice", "X-001", "admission", "odi", changed, null));
        store.saveAnswers("bob", "X-001", "admission", "odi", changed, "patient corrected the form");
        List<AuditEntry> rows = audit().stream().filter(a -> "answer".equals(a.entity()) && "bob".equals(a.actor())).toList();
        assertEquals(2, rows.size());
        AuditEntry update = rows.stream().filter(a -> a.action().equals("update")).findFirst().orElseThrow();
        assertEquals("X-001/admission/odi", update.entityId());
        assertEquals("lifting", update.field());
        assertEquals("2", update.oldValue());
        assertEquals("3", update.newValue());
        assertEquals("patient corrected the form", update.reason());
        AuditEntry delete = rows.stream().filter(a -> a.action().equals("delete")).findFirst().orElseThrow();
        assertEquals("sex_life", delete.field());
        assertEquals(9, store.answers("X-001", "admission", "odi").size());
        // nothing derived is stored: the score comes from the grid
        GridRow row = store.grid().page(0, 10).get(0);
        int col = store.grid().columns().stream().map(GridColumn::key).toList().indexOf("odi.admission");
        assertEquals((2.0 * 8 + 3.0) / 45 * 100, (Double) row.values().get(col), 1e-12);
    }

    @Test
    void lockedVisitRefusesChangesNamingSubjectAndVisit() throws Exception {
        enrolOne("X-001");
        store.saveAnswers("alice", "X-001", "admission", "vas", Map.of("vas", 7.5), null);
        store.lockVisit("alice", "X-001", "admission", "monitored");
        assertTrue(store.locks().lockedVisits().stream().anyMatch(v -> v.visitId().equals("admission")));
        TrialDataException e = assertThrows(TrialDataException.class,
                () -> store.saveAnswers("alice", "X-001", "admission", "vas", Map.of("vas", 6.0), "fix"));
        assertTrue(e.getMessage().contains("X-001") && e.getMessage().contains("admission") && e.getMessage().contains("locked"),
                e.getMessage());
        assertEquals(7.5, store.answers("X-001", "admission", "vas").get("vas"));
        store.saveAnswers("alice", "X-001", "month3", "vas", Map.of("vas", 2.0), null);
    }

    @Test
    void lockedDatasetRefusesEveryWrite() throws Exception {
        enrolOne("X-001");
        store.saveAnswers("alice", "X-001", "admission", "vas", Map.of("vas", 7.5), null);
        store.lockDataset("alice", "database lock for the final analysis");
        assertTrue(store.locks().datasetLocked());
        long before = auditSize();
        var info = study.info().counts();
        TrialDataException e = assertThrows(TrialDataException.class,
                () -> store.saveAnswers("alice", "X-001", "admission", "vas", Map.of("vas", 6.0), "fix"));
        assertTrue(e.getMessage().contains("dataset is locked") && e.getMessage().contains("X-001")
                && e.getMessage().contains("admission"), e.getMessage());
        TrialDataException v = assertThrows(TrialDataException.class,
                () -> store.setVariable("alice", "X-001", "age", VariableValue.of(40), "x"));
        assertTrue(v.getMessage().contains("X-001") && v.getMessage().contains("age"), v.getMessage());
        assertThrows(TrialDataException.class, () -> store.enroll("alice", "X-002", null, null));
        assertThrows(TrialDataException.class, () -> store.addArm("alice", "Q", "Q", null));
        assertThrows(TrialDataException.class, () -> store.lockVisit("alice", "X-001", "month3", null));
        assertThrows(TrialDataException.class, () -> store.setStatus("alice", "X-001", SubjectStatus.WITHDRAWN, "x"));
        assertThrows(TrialDataException.class, () -> store.setSetting("alice", "dataset.locked", "false", "unlock"));
        assertThrows(TrialDataException.class, () -> store.setSetting("alice", "description", "x", "x"));
        assertEquals(before, auditSize());
        assertEquals(info, study.info().counts());
        AuditEntry lock = audit().stream().filter(a -> "dataset".equals(a.entity())).findFirst().orElseThrow();
        assertEquals("lock", lock.action());
        assertEquals("database lock for the final analysis", lock.reason());
    }

    @Test
    void anEditIsAllOrNothing() throws Exception {
        enrolOne("X-001");
        long before = auditSize();
        assertThrows(TrialDataException.class, () -> store.edit("alice", e -> {
            e.setVariable("X-001", "age", VariableValue.of(40), null);
            e.saveAnswers("X-001", "admission", "vas", Map.of("vas", 12.0), null);
            return null;
        }));
        assertTrue(store.baseline("X-001").isEmpty());
        assertEquals(before, auditSize());
    }

    @Test
    void statusChangesNeedAReasonAndFeedConsortCounts() throws Exception {
        store.storeAllocationList("alice", list(8, 5), null);
        store.lockAllocationList("alice", null);
        for (int i = 1; i <= 6; i++) {
            store.enroll("alice", "X-00" + i, null, null);
        }
        assertThrows(TrialDataException.class, () -> store.setStatus("alice", "X-001", SubjectStatus.LOST_TO_FOLLOW_UP, null));
        store.setStatus("alice", "X-001", SubjectStatus.LOST_TO_FOLLOW_UP, "no show at 3 months");
        store.setStatus("alice", "X-002", SubjectStatus.WITHDRAWN, "withdrew consent");
        store.edit("alice", e -> {
            e.addScreening(new ScreeningEntry("SCR-1", null, "X-001", false, null, false), Map.of("consent", true));
            e.addScreening(new ScreeningEntry("SCR-2", null, null, true, "refused", false), Map.of("consent", false));
            e.addScreening(new ScreeningEntry("SCR-3", null, null, true, "bmi_out_of_range", false), Map.of());
            e.addScreening(new ScreeningEntry("SCR-4", null, null, true, "refused", false), Map.of());
            return null;
        });
        assertEquals(Map.of("consent", false), store.eligibility("SCR-2"));
        ConsortCounts cc = store.consortCounts();
        assertEquals(4, cc.screened());
        assertEquals(3, cc.excluded());
        assertEquals(Map.of("refused", 2L, "bmi_out_of_range", 1L), cc.excludedByReason());
        assertEquals(6, cc.randomized());
        long lost = cc.lostToFollowUp().values().stream().mapToLong(Long::longValue).sum();
        long withdrawn = cc.withdrawn().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(1, lost);
        assertEquals(1, withdrawn);
        assertEquals(4, cc.analysed().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(List.of("S", "P"), List.copyOf(cc.allocated().keySet()));
        assertTrue(cc.toMap().containsKey("excluded_by_reason"));
    }
}
