package org.painlab.trial.internal.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.core.Study;
import org.painlab.core.StudyDemo;
import org.painlab.core.StudyException;
import org.painlab.trial.demo.DemoBaseline;
import org.painlab.trial.demo.DemoScreening;
import org.painlab.trial.demo.DemoSubject;
import org.painlab.trial.demo.DemoTrial;
import org.painlab.trial.demo.DemoTrialGenerator;
import org.painlab.trial.demo.ExclusionReason;
import org.painlab.trial.randomization.Allocation;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.ScreeningEntry;
import org.painlab.trial.store.Subject;
import org.painlab.trial.store.SubjectStatus;
import org.painlab.trial.store.TrialEditor;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;
import org.painlab.trial.store.VariableType;
import org.painlab.trial.store.VariableValue;

/**
 * The {@code snrb-peld} demo ({@code painlab study create DIR --demo snrb-peld}): writes a SIMULATED
 * trial made by {@link DemoTrialGenerator} (seeded, documented there) into the study through the
 * {@link TrialStore}, in one transaction:
 * <ol>
 * <li>settings {@code simulated=true} and a {@code description} saying the data are SIMULATED;</li>
 * <li>arms S ("SNRB + PELD") and P ("PELD only"), visits admission, pre_surgery, day3, month3 and
 * the schedule (VAS, ODI, JOA, SF-36 at admission; VAS before surgery and on day 3; VAS, ODI, JOA,
 * SF-36, MacNab and complications at 3 months), the Table 1 variable definitions;</li>
 * <li>the screening log with each person's screening date, eligibility checklist and exclusion
 * reason (dates from {@link DemoCalendar}, which uses no random numbers);</li>
 * <li>the allocation list (the generator's permuted blocks), locked, then every subject enrolled in
 * sequence on its screening day, which reveals its arm (audited);</li>
 * <li>baseline variables and all answers (one audit row per subject), the dates of the visits
 * attended and each subject's status (completed, or lost to follow-up when the 3-month visit is
 * missing), then the locks of its attended follow-up visits ({@link #LOCKED_VISITS}).</li>
 * </ol>
 * Every subject and screening entry is flagged simulated.
 */
public final class SnrbPeldDemo implements StudyDemo {
    /** Who the audit trail names for the demo's writes. */
    public static final String ACTOR = "painlab demo generator (snrb-peld)";

    /**
     * The visits locked once a subject is past its last visit (every demo subject is: completed or
     * lost to follow-up), when the subject attended them: the follow-up visits, as monitored. The
     * visits before surgery stay open so the demo can still be used to try data entry.
     */
    static final List<String> LOCKED_VISITS = List.of("day3", "month3");

    /** Eligibility criteria of the checklist; met = true means the person passes it. */
    static final List<String> CRITERIA = List.of("age_18_to_80", "single_level_ldh", "unilateral_radicular_pain",
            "imaging_consistent_with_symptoms", "failed_conservative_3_months", "no_lumbar_instability",
            "no_cauda_equina_signs", "no_intraspinal_mass", "no_infection_or_joint_disease", "bmi_18_5_to_30",
            "good_general_condition", "clear_diagnosis_complete_data", "consent");

    /** Creates the demo (for the extension registry). */
    public SnrbPeldDemo() {
    }

    @Override
    public void fill(Study study, long seed, IProgressMonitor monitor) throws StudyException {
        SubMonitor sub = SubMonitor.convert(monitor, "Simulating the SNRB-before-PELD demo trial", 100);
        DemoTrial trial = DemoTrialGenerator.generate(seed);
        DemoCalendar calendar = new DemoCalendar(trial.screenings());
        sub.worked(10);
        TrialStore store = new TrialStore(study, InstrumentCatalog.installed());
        SubMonitor write = sub.split(90).setWorkRemaining(trial.subjects().size() + 2);
        store.edit(ACTOR, e -> {
            design(e, trial);
            write.worked(1);
            for (DemoScreening s : trial.screenings()) {
                e.addScreening(new ScreeningEntry(s.screeningId(), calendar.screenedOn(s.screeningId()), s.subjectId(), !s.randomized(),
                        s.exclusion() == null ? null : s.exclusion().code(), true), eligibility(s));
            }
            List<Allocation> list = new ArrayList<>();
            for (DemoSubject s : trial.subjects()) {
                list.add(new Allocation(s.seq(), s.arm(), s.block(), null));
            }
            e.storeAllocationList(list, "SIMULATED demo: permuted blocks of 4 and 6 from DemoTrialGenerator, seed " + seed, null);
            e.lockAllocationList("SIMULATED demo: list complete before the first enrolment");
            write.worked(1);
            for (DemoSubject s : trial.subjects()) {
                if (write.isCanceled()) {
                    throw new OperationCanceledException();
                }
                Subject enrolled = e.enroll(s.subjectId(), null, calendar.enrolledOn(s.subjectId()), true);
                if (!enrolled.armCode().equals(s.arm()) || enrolled.allocationSeq() != s.seq()) {
                    throw new IllegalStateException("demo enrolment of " + s.subjectId() + " revealed " + enrolled.armCode()
                            + "/" + enrolled.allocationSeq() + ", generator says " + s.arm() + "/" + s.seq());
                }
                e.addSubjectData(s.subjectId(), baseline(s.baseline()), s.visits(),
                        "SIMULATED demo data, DemoTrialGenerator seed " + seed);
                for (Map.Entry<String, java.time.LocalDate> v : calendar.visitDates(s).entrySet()) {
                    e.setVisitDate(s.subjectId(), v.getKey(), v.getValue(), null);
                }
                e.setStatus(s.subjectId(), s.lostToFollowUp() ? SubjectStatus.LOST_TO_FOLLOW_UP : SubjectStatus.COMPLETED,
                        s.lostToFollowUp() ? "SIMULATED demo: missed the 3-month visit" : "SIMULATED demo: completed follow-up");
                for (String v : LOCKED_VISITS) {
                    if (s.visits().containsKey(v)) {
                        e.lockVisit(s.subjectId(), v, "SIMULATED demo: follow-up visit monitored after the subject's last visit");
                    }
                }
                write.worked(1);
            }
            return null;
        });
    }

    private static void design(TrialEditor e, DemoTrial trial) throws StudyException {
        e.setSetting(TrialStore.SETTING_SIMULATED, "true", null);
        e.setSetting(TrialStore.SETTING_DESCRIPTION, trial.description(), null);
        e.addArm("S", "SNRB + PELD", "Selective nerve root block (ropivacaine + dexamethasone palmitate at the nerve root exit) "
                + "one day before percutaneous endoscopic lumbar discectomy");
        e.addArm("P", "PELD only", "Percutaneous endoscopic lumbar discectomy only");
        e.addVisit("admission", "On admission", null);
        e.addVisit("pre_surgery", "Before surgery", 0);
        e.addVisit("day3", "3 days after surgery", 3);
        e.addVisit("month3", "3 months after surgery", 90);
        Map<String, List<String>> plan = new LinkedHashMap<>();
        plan.put("admission", List.of("vas", "odi", "joa", "sf36"));
        plan.put("pre_surgery", List.of("vas"));
        plan.put("day3", List.of("vas"));
        plan.put("month3", List.of("vas", "odi", "joa", "sf36", "macnab", "complications"));
        for (String arm : DemoTrial.ARMS) {
            for (Map.Entry<String, List<String>> v : plan.entrySet()) {
                for (String instrument : v.getValue()) {
                    e.schedule(arm, v.getKey(), instrument);
                }
            }
        }
        Map<String, String> yesNo = new LinkedHashMap<>();
        yesNo.put("0", "no");
        yesNo.put("1", "yes");
        Map<String, String> sexes = new LinkedHashMap<>();
        sexes.put("M", "male");
        sexes.put("F", "female");
        e.defineVariable(new VariableDefinition("sex", "Sex", VariableType.TEXT, null, null, null, sexes, 0));
        e.defineVariable(new VariableDefinition("age", "Age", VariableType.INTEGER, "years", 18.0, 80.0, Map.of(), 0));
        e.defineVariable(new VariableDefinition("bmi", "Body mass index", VariableType.NUMBER, "kg/m2", 10.0, 60.0, Map.of(), 0));
        Map<String, String> levels = new LinkedHashMap<>();
        for (String l : List.of("L2-3", "L3-4", "L4-5", "L5-S1")) {
            levels.put(l, l);
        }
        e.defineVariable(new VariableDefinition("level", "Herniation level", VariableType.TEXT, null, null, null, levels, 0));
        Map<String, String> grades = new LinkedHashMap<>();
        String[] roman = {"I", "II", "III", "IV", "V"};
        for (int g = 1; g <= 5; g++) {
            grades.put(Integer.toString(g), roman[g - 1]);
        }
        e.defineVariable(new VariableDefinition("pfirrmann", "Pfirrmann disc degeneration grade", VariableType.INTEGER, null,
                1.0, 5.0, grades, 0));
        e.defineVariable(new VariableDefinition("leg_pain_days", "Duration of leg pain", VariableType.INTEGER, "days", 0.0,
                null, Map.of(), 0));
        e.defineVariable(new VariableDefinition("hypertension", "Hypertension", VariableType.INTEGER, null, 0.0, 1.0, yesNo, 0));
        e.defineVariable(new VariableDefinition("diabetes", "Diabetes", VariableType.INTEGER, null, 0.0, 1.0, yesNo, 0));
        e.defineVariable(new VariableDefinition("numbness", "Accompanying numbness", VariableType.INTEGER, null, 0.0, 1.0, yesNo, 0));
        e.defineVariable(new VariableDefinition("fatigue", "Accompanying fatigue", VariableType.INTEGER, null, 0.0, 1.0, yesNo, 0));
        e.defineVariable(new VariableDefinition("back_pain", "Accompanying back pain", VariableType.INTEGER, null, 0.0, 1.0, yesNo, 0));
        e.defineVariable(new VariableDefinition("operation_minutes", "Operation time", VariableType.INTEGER, "min", 0.0, 1440.0, Map.of(), 0));
        e.defineVariable(new VariableDefinition("blood_loss_ml", "Blood loss", VariableType.INTEGER, "ml", 0.0, 10000.0, Map.of(), 0));
        e.defineVariable(new VariableDefinition("length_of_stay_days", "Length of stay", VariableType.INTEGER, "days", 0.0,
                365.0, Map.of(), 0));
    }

    /** The Table 1 variables of one subject, named as in {@link #design}. */
    static Map<String, VariableValue> baseline(DemoBaseline b) {
        Map<String, VariableValue> m = new LinkedHashMap<>();
        m.put("sex", VariableValue.of(b.sex()));
        m.put("age", VariableValue.of(b.age()));
        m.put("bmi", VariableValue.of(b.bmi()));
        m.put("level", VariableValue.of(b.level()));
        m.put("pfirrmann", VariableValue.of(b.pfirrmann()));
        m.put("leg_pain_days", VariableValue.of(b.legPainDays()));
        m.put("hypertension", VariableValue.of(b.hypertension() ? 1 : 0));
        m.put("diabetes", VariableValue.of(b.diabetes() ? 1 : 0));
        m.put("numbness", VariableValue.of(b.numbness() ? 1 : 0));
        m.put("fatigue", VariableValue.of(b.fatigue() ? 1 : 0));
        m.put("back_pain", VariableValue.of(b.backPain() ? 1 : 0));
        m.put("operation_minutes", VariableValue.of(b.operationMinutes()));
        m.put("blood_loss_ml", VariableValue.of(b.bloodLossMl()));
        m.put("length_of_stay_days", VariableValue.of(b.lengthOfStayDays()));
        return m;
    }

    /** The checklist of a screened person: every criterion met, except the one its exclusion names. */
    static Map<String, Boolean> eligibility(DemoScreening s) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        String failed = s.exclusion() == null ? null : criterion(s.exclusion());
        for (String c : CRITERIA) {
            m.put(c, !c.equals(failed));
        }
        return m;
    }

    private static String criterion(ExclusionReason r) {
        return switch (r) {
            case LUMBAR_INSTABILITY -> "no_lumbar_instability";
            case CAUDA_EQUINA -> "no_cauda_equina_signs";
            case INTRASPINAL_MASS -> "no_intraspinal_mass";
            case INFECTION_OR_JOINT_DISEASE -> "no_infection_or_joint_disease";
            case BMI_OUT_OF_RANGE -> "bmi_18_5_to_30";
            case POOR_GENERAL_CONDITION -> "good_general_condition";
            case UNCLEAR_DIAGNOSIS -> "clear_diagnosis_complete_data";
            case REFUSED -> "consent";
        };
    }
}
