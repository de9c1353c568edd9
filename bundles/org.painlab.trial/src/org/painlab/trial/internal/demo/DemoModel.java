package org.painlab.trial.internal.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.trial.demo.DemoBaseline;
import org.painlab.trial.demo.DemoScreening;
import org.painlab.trial.demo.DemoSubject;
import org.painlab.trial.demo.DemoTrial;
import org.painlab.trial.demo.ExclusionReason;
import org.painlab.trial.instrument.Sf36Instrument;
import org.painlab.trial.internal.random.SplitMix64;
import org.painlab.trial.randomization.AllocationList;
import org.painlab.trial.randomization.AllocationRequest;
import org.painlab.trial.randomization.Randomizer;

/**
 * The simulation model behind {@link org.painlab.trial.demo.DemoTrialGenerator}. All numbers below
 * are invented to look plausible; none is taken from the trial's publication.
 *
 * <p>Random streams: {@link SplitMix64} seeded by {@link SplitMix64#derive(long, String)} of the seed
 * with a purpose name ("allocation", "screening", "lost", "subject-SIM-001", ...), so each part is
 * independent of the others. Normal draws use Box–Muller with {@link StrictMath}.
 *
 * <p>Per subject: severity {@code sev ~ N(0,1)};
 * <ul>
 * <li>VAS admission {@code 6.8 + 0.9 sev + N(0, 0.5)} in [3, 10]; pre-surgery: P
 *     {@code admission - 0.6 + N(0, 0.6)}, S {@code admission - 3.0 + N(0, 0.9)}; day 3
 *     {@code 2.3 + 0.4 sev + N(0, 0.7)} (S 0.3 lower); month 3 {@code 1.3 + 0.3 sev + N(0, 0.6)}; all
 *     clipped to [0, 10] and rounded to 0.1;</li>
 * <li>ODI: a target percentage (admission {@code 46 + 9 sev + N(0, 5)}, month 3
 *     {@code 14 + 4 sev + N(0, 4)}) and each section {@code round(target/20 + N(0, 0.8))} in 0..5;
 *     "sex_life" unanswered with probability 0.1;</li>
 * <li>JOA: a target total (admission {@code 13 - 2.5 sev + N(0, 1.5)}, month 3
 *     {@code 25 - sev + N(0, 1.5)}) and each item {@code round(max * (target/29 + N(0, 0.12)))};
 *     bladder -3 with probability 0.05 (admission) / 0.02 (month 3), else 0;</li>
 * <li>SF-36: latent 0–100 scale levels (physical, role, mental, pain from the VAS, health change),
 *     each item the response code whose RAND recoded value is nearest to {@code level + N(0, 15)};
 *     with probability 0.15 one item of the form is left unanswered;</li>
 * <li>MacNab from {@code vas3 + odi3/10 + N(0, 0.7)}: &lt; 1.5 excellent, &lt; 3 good, &lt; 4.5 fair,
 *     else poor;</li>
 * <li>complications: residual low back pain 0.10 (0.18 with baseline back pain), recurrent pain
 *     0.05, LDH relapse 0.03, each serious complication 0.01.</li>
 * </ul>
 */
public final class DemoModel {

    private static final String[] LEVELS = {"L2-3", "L3-4", "L4-5", "L5-S1"};
    private static final double[] LEVEL_P = {0.03, 0.09, 0.50, 0.38};
    private static final double[] PFIRRMANN_P = {0.02, 0.12, 0.40, 0.36, 0.10};
    private static final String[] JOA_ITEMS = {"low_back_pain", "leg_pain_tingling", "gait", "straight_leg_raising",
        "sensory_disturbance", "motor_disturbance", "turning_over_in_bed", "standing", "washing", "leaning_forward",
        "sitting_1h", "lifting_heavy_object", "walking"};
    private static final int[] JOA_MAX = {3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
    private static final String[] ODI_ITEMS = {"pain_intensity", "personal_care", "lifting", "walking", "sitting",
        "standing", "sleeping", "sex_life", "social_life", "travelling"};
    private static final String[] COMPLICATIONS = {"residual_low_back_pain", "recurrent_pain", "ldh_relapse",
        "epidural_haematoma", "dural_tear", "discitis", "root_injury"};

    private final long seed;
    private final int n;

    /**
     * Creates the model.
     *
     * @param seed the seed
     * @param n number of randomized subjects
     */
    public DemoModel(long seed, int n) {
        this.seed = seed;
        this.n = n;
    }

    private SplitMix64 stream(String name) {
        return new SplitMix64(SplitMix64.derive(seed, name));
    }

    /**
     * Builds the trial.
     *
     * @return the simulated trial
     */
    public DemoTrial build() {
        AllocationList allocation = Randomizer.allocate(AllocationRequest.builder()
                .n(n).arms("S", "P").ratio(1, 1).blockSizes(4, 6)
                .seed(SplitMix64.derive(seed, "allocation")).build());

        // who is lost to follow-up: 2..4 distinct subjects (never more than a tenth)
        SplitMix64 lostRng = stream("lost");
        int lostCount = Math.min(2 + lostRng.nextInt(3), Math.max(1, n / 10));
        boolean[] lost = new boolean[n];
        for (int k = 0; k < lostCount;) {
            int i = lostRng.nextInt(n);
            if (!lost[i]) {
                lost[i] = true;
                k++;
            }
        }

        List<DemoSubject> subjects = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int seq = i + 1;
            String id = String.format("SIM-%03d", seq);
            var a = allocation.get(seq);
            subjects.add(subject(id, seq, a.arm(), a.block(), lost[i]));
        }

        // screening log: randomized subjects plus excluded people, interleaved in screening order
        SplitMix64 scr = stream("screening");
        int excludedCount = 8 + scr.nextInt(7);
        List<ExclusionReason> reasons = new ArrayList<>();
        ExclusionReason[] all = ExclusionReason.values();
        for (int k = 0; k < excludedCount; k++) {
            // every reason at least once while there are enough exclusions, then random ones
            reasons.add(k < all.length ? all[k] : all[scr.nextInt(all.length)]);
        }
        int total = n + excludedCount;
        boolean[] isExcluded = new boolean[total];
        for (int k = 0; k < excludedCount;) {
            int i = scr.nextInt(total);
            if (!isExcluded[i]) {
                isExcluded[i] = true;
                k++;
            }
        }
        List<DemoScreening> screenings = new ArrayList<>(total);
        int nextSubject = 0;
        int nextReason = 0;
        for (int i = 0; i < total; i++) {
            String sid = String.format("SCR-%03d", i + 1);
            if (isExcluded[i]) {
                ExclusionReason r = reasons.get(nextReason++);
                String sex = scr.nextBoolean(0.55) ? "M" : "F";
                int age = (int) clamp(Math.round(45 + 13 * scr.nextGaussian()), 18, 80);
                double bmi;
                if (r == ExclusionReason.BMI_OUT_OF_RANGE) {
                    bmi = scr.nextBoolean(0.7) ? round1(30.3 + 3 * scr.nextDouble()) : round1(16.0 + 2.3 * scr.nextDouble());
                } else {
                    bmi = round1(clamp(24 + 2.6 * scr.nextGaussian(), 18.5, 30));
                }
                screenings.add(new DemoScreening(sid, sex, age, bmi, r, null));
            } else {
                DemoSubject s = subjects.get(nextSubject++);
                screenings.add(new DemoScreening(sid, s.baseline().sex(), s.baseline().age(), s.baseline().bmi(),
                        null, s.subjectId()));
            }
        }
        String description = "SIMULATED demo trial (seed " + seed + "), generated by PainLab Workbench for "
                + "demonstrations and tests; not data of any real patient, trial or publication. Design: single-centre "
                + "RCT of selective nerve root block one day before PELD (arm S) versus PELD only (arm P), 1:1 permuted "
                + "blocks of 4 and 6; " + n + " randomized of " + total + " screened; visits admission, pre_surgery, "
                + "day3, month3.";
        return new DemoTrial(true, description, seed, subjects, screenings);
    }

    private DemoSubject subject(String id, int seq, String arm, int block, boolean lostToFollowUp) {
        SplitMix64 r = stream("subject-" + id);
        boolean s = "S".equals(arm);

        // baseline
        String sex = r.nextBoolean(0.55) ? "M" : "F";
        int age = (int) clamp(Math.round(45 + 13 * r.nextGaussian()), 18, 80);
        double bmi = round1(clamp(24 + 2.6 * r.nextGaussian(), 18.5, 30));
        String level = LEVELS[pick(r, LEVEL_P)];
        int pfirrmann = 1 + pick(r, PFIRRMANN_P);
        int legPainDays = 90 + (int) Math.round(StrictMath.exp(StrictMath.log(60) + 0.8 * r.nextGaussian()));
        boolean hypertension = r.nextBoolean(0.08 + 0.005 * Math.max(0, age - 35));
        boolean diabetes = r.nextBoolean(0.03 + 0.002 * Math.max(0, age - 35));
        boolean numbness = r.nextBoolean(0.6);
        boolean fatigue = r.nextBoolean(0.3);
        boolean backPain = r.nextBoolean(0.55);
        int operation = (int) clamp(Math.round(75 + 15 * r.nextGaussian()), 40, 150);
        int bloodLoss = (int) clamp(Math.round(20 + 8 * r.nextGaussian()), 5, 80);
        int los = (int) clamp(Math.round(5 + (s ? 1 : 0) + 1.2 * r.nextGaussian()), 2, 12);
        DemoBaseline baseline = new DemoBaseline(sex, age, bmi, level, pfirrmann, legPainDays, hypertension, diabetes,
                numbness, fatigue, backPain, operation, bloodLoss, los);

        // outcomes
        double sev = r.nextGaussian();
        double vasAdm = vas(clamp(6.8 + 0.9 * sev + 0.5 * r.nextGaussian(), 3, 10));
        double vasPre = vas(s ? vasAdm - 3.0 + 0.9 * r.nextGaussian() : vasAdm - 0.6 + 0.6 * r.nextGaussian());
        double vasD3 = vas(2.3 + 0.4 * sev - (s ? 0.3 : 0) + 0.7 * r.nextGaussian());
        double vasM3 = vas(1.3 + 0.3 * sev + 0.6 * r.nextGaussian());

        Map<String, Map<String, Map<String, Double>>> visits = new LinkedHashMap<>();
        Map<String, Map<String, Double>> adm = new LinkedHashMap<>();
        adm.put("vas", Map.of("vas", vasAdm));
        double odiAdm = 46 + 9 * sev + 5 * r.nextGaussian();
        adm.put("odi", odi(r, odiAdm));
        adm.put("joa", joa(r, 13 - 2.5 * sev + 1.5 * r.nextGaussian(), 0.05));
        adm.put("sf36", sf36(r, 35 - 8 * sev, 45 - 8 * sev, 62 - 4 * sev, 100 - 10 * vasAdm, 30));
        visits.put("admission", freeze(adm));
        visits.put("pre_surgery", Map.of("vas", Map.of("vas", vasPre)));
        visits.put("day3", Map.of("vas", Map.of("vas", vasD3)));
        if (!lostToFollowUp) {
            Map<String, Map<String, Double>> m3 = new LinkedHashMap<>();
            m3.put("vas", Map.of("vas", vasM3));
            double odiM3 = 14 + 4 * sev + 4 * r.nextGaussian();
            Map<String, Double> odi3 = odi(r, odiM3);
            m3.put("odi", odi3);
            m3.put("joa", joa(r, 25 - sev + 1.5 * r.nextGaussian(), 0.02));
            m3.put("sf36", sf36(r, 75 - 5 * sev, 78 - 6 * sev, 72 - 3 * sev, 100 - 10 * vasM3, 80));
            double odiPct = 0;
            int cnt = 0;
            for (double v : odi3.values()) {
                odiPct += v;
                cnt++;
            }
            odiPct = odiPct / (5.0 * cnt) * 100;
            double u = vasM3 + odiPct / 10 + 0.7 * r.nextGaussian();
            double grade = u < 1.5 ? 1 : u < 3 ? 2 : u < 4.5 ? 3 : 4;
            m3.put("macnab", Map.of("grade", grade));
            Map<String, Double> comp = new LinkedHashMap<>();
            double[] p = {backPain ? 0.18 : 0.10, 0.05, 0.03, 0.01, 0.01, 0.01, 0.01};
            for (int k = 0; k < COMPLICATIONS.length; k++) {
                comp.put(COMPLICATIONS[k], r.nextBoolean(p[k]) ? 1.0 : 0.0);
            }
            m3.put("complications", Collections.unmodifiableMap(comp));
            visits.put("month3", freeze(m3));
        }
        return new DemoSubject(id, seq, arm, block, baseline, Collections.unmodifiableMap(visits), lostToFollowUp);
    }

    private static Map<String, Map<String, Double>> freeze(Map<String, Map<String, Double>> m) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, Double> odi(SplitMix64 r, double targetPercent) {
        double t = clamp(targetPercent, 0, 100) / 20.0;
        Map<String, Double> m = new LinkedHashMap<>();
        boolean skipSexLife = r.nextBoolean(0.1);
        for (String item : ODI_ITEMS) {
            double v = clamp(Math.round(t + 0.8 * r.nextGaussian()), 0, 5);
            if (!(skipSexLife && "sex_life".equals(item))) {
                m.put(item, v);
            }
        }
        return m;
    }

    private static Map<String, Double> joa(SplitMix64 r, double targetTotal, double pBladder) {
        double f = clamp(targetTotal, 0, 29) / 29.0;
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < JOA_ITEMS.length; k++) {
            m.put(JOA_ITEMS[k], clamp(Math.round(JOA_MAX[k] * (f + 0.12 * r.nextGaussian())), 0, JOA_MAX[k]));
        }
        m.put("bladder", r.nextBoolean(pBladder) ? -3.0 : 0.0);
        return m;
    }

    /**
     * SF-36 answers from latent 0–100 levels: physical (PF), role (RP, RE), mental (VT, MH, SF), pain
     * (BP) and health change (q2); general health is the mean of physical and mental.
     */
    private static Map<String, Double> sf36(SplitMix64 r, double physical, double role, double mental, double pain,
            double change) {
        int skip = r.nextBoolean(0.15) ? 1 + r.nextInt(36) : -1;
        Map<String, Double> m = new LinkedHashMap<>();
        for (int q = 1; q <= 36; q++) {
            double level;
            if (q == 2) {
                level = change;
            } else if (q >= 3 && q <= 12) {
                level = physical;
            } else if (q >= 13 && q <= 19) {
                level = role;
            } else if (q == 21 || q == 22) {
                level = pain;
            } else if (q == 1 || q >= 33) {
                level = (physical + mental) / 2;
            } else {
                level = mental;
            }
            double target = level + 15 * r.nextGaussian();
            int best = 1;
            double bestDist = Double.MAX_VALUE;
            for (int code = 1; code <= codes(q); code++) {
                double d = Math.abs(Sf36Instrument.recode(q, code) - target);
                if (d < bestDist) {
                    bestDist = d;
                    best = code;
                }
            }
            if (q != skip) {
                m.put("q" + q, (double) best);
            }
        }
        return m;
    }

    private static int codes(int q) {
        if (q >= 3 && q <= 12) {
            return 3;
        }
        if (q >= 13 && q <= 19) {
            return 2;
        }
        if (q == 21 || (q >= 23 && q <= 31)) {
            return 6;
        }
        return 5;
    }

    private static int pick(SplitMix64 r, double[] p) {
        double u = r.nextDouble();
        double c = 0;
        for (int k = 0; k < p.length; k++) {
            c += p[k];
            if (u < c) {
                return k;
            }
        }
        return p.length - 1;
    }

    private static double vas(double v) {
        return round1(clamp(v, 0, 10));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
