package org.painlab.trial.demo;

import org.painlab.trial.internal.demo.DemoModel;

/**
 * Generates a SIMULATED trial with the design of the lab's nerve-root-block trial (brief §1), for
 * demonstrations ({@code painlab study create DIR --demo snrb-peld}), tutorials and tests. Nothing in
 * it comes from a real trial or copies published numbers; every record says it is simulated.
 *
 * <p>Design reproduced: {@value #DEFAULT_SUBJECTS} randomized subjects plus screened-and-excluded
 * people (8–14, reasons drawn from the exclusion list) for the CONSORT counts; arms S (SNRB one day
 * before PELD) and P (PELD only) allocated 1:1 by permuted blocks of 4 and 6
 * ({@link org.painlab.trial.randomization.Randomizer}); Table 1 baseline variables; visits
 * {@code admission} (VAS, ODI, JOA, SF-36), {@code pre_surgery} (VAS), {@code day3} (VAS),
 * {@code month3} (VAS, ODI, JOA, SF-36, MacNab, complications); 2–4 subjects lost to follow-up miss
 * month3. Item-level answers are valid for the built-in instruments; a few ODI "sex life" sections
 * and single SF-36 items are left unanswered, within the instruments' missing-item rules.
 *
 * <p>Model (simulated effects, chosen to look plausible, not estimated from any data): a latent
 * severity per subject drives admission pain and disability; the S arm's pre-surgery VAS drops by
 * about 3 points (the block's effect) against about 0.6 in P, with noise; both arms improve after
 * surgery. Details are on {@code org.painlab.trial.internal.demo.DemoModel}.
 *
 * <p>Deterministic: the same seed gives the same trial on every JVM (SplitMix64 streams with
 * {@link StrictMath}).
 *
 * @since 0.1
 */
public final class DemoTrialGenerator {

    /** Number of randomized subjects in the trial's design. */
    public static final int DEFAULT_SUBJECTS = 77;
    /** The seed used by {@code study create --demo snrb-peld} unless told otherwise. */
    public static final long DEFAULT_SEED = 20240101L;

    private DemoTrialGenerator() {
    }

    /**
     * Generates the demo trial with {@value #DEFAULT_SUBJECTS} subjects.
     *
     * @param seed the seed
     * @return the simulated trial
     */
    public static DemoTrial generate(long seed) {
        return generate(seed, DEFAULT_SUBJECTS);
    }

    /**
     * Generates a demo trial with another number of randomized subjects.
     *
     * @param seed the seed
     * @param subjects number of randomized subjects (4..100000)
     * @return the simulated trial
     */
    public static DemoTrial generate(long seed, int subjects) {
        if (subjects < 4 || subjects > 100_000) {
            throw new IllegalArgumentException("subjects must be in 4..100000, was " + subjects);
        }
        return new DemoModel(seed, subjects).build();
    }
}
