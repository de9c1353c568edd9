package org.painlab.imaging.synth;

import java.util.ArrayList;
import java.util.List;

import org.painlab.imaging.ScanSite;
import org.painlab.imaging.internal.synth.Rng;

/**
 * Plans a simulated imaging study (patients x left/right x four lumbar levels, by default 46 x 8) under a
 * {@link CohortModel} and simulates its volumes with an {@link UltrasoundSimulator}. Patient {@code p}'s
 * draws depend only on the seed and {@code p}, so a study of 4 patients is the first 4 of a study of 46
 * with the same seed. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CohortSimulator {
    private final CohortModel cohort;
    private final UltrasoundSimulator simulator;

    /**
     * @param cohort the cohort model
     * @param model  the ultrasound model
     */
    public CohortSimulator(CohortModel cohort, UltrasoundModel model) {
        this.cohort = cohort;
        this.simulator = new UltrasoundSimulator(model);
    }

    /** The cohort model. */
    public CohortModel cohort() {
        return cohort;
    }

    /** The ultrasound model. */
    public UltrasoundModel model() {
        return simulator.model();
    }

    /**
     * @param patients number of patients (at least 1)
     * @param seed     the study's seed
     * @return eight planned scans per patient: left then right, levels cranial to caudal
     */
    public List<PlannedScan> plan(int patients, long seed) {
        if (patients < 1) {
            throw new IllegalArgumentException("at least one patient is needed, found " + patients);
        }
        UltrasoundModel m = simulator.model();
        double maxSubcutaneous = 0.45 * m.ny() * m.spacingY();
        List<PlannedScan> out = new ArrayList<>(patients * 8);
        for (int p = 1; p <= patients; p++) {
            Rng patient = new Rng(Rng.derive(seed, p));
            double u = patient.gaussian();
            double gain = cohort.patientGainSdDb() * patient.gaussian();
            double subcutaneous = clamp(cohort.subcutaneousMeanMm() + cohort.subcutaneousPerU() * u
                    + cohort.subcutaneousSdMm() * patient.gaussian(), 1.5, Math.max(1.5, maxSubcutaneous));
            double thickness = clamp(cohort.thicknessMeanMm() + cohort.thicknessSdMm() * patient.gaussian(), 6, 40);
            double shift = cohort.shiftSdMm() * patient.gaussian();
            int v = 0;
            for (ScanSite.Side side : ScanSite.Side.values()) {
                for (int level = 0; level < ScanSite.LUMBAR_LEVELS.size(); level++) {
                    v++;
                    Rng scan = new Rng(Rng.derive(seed, p, v));
                    double logit = cohort.fatLogitMean() + cohort.patientSd() * u + cohort.levelEffects().get(level)
                            + cohort.volumeSd() * scan.gaussian();
                    double fat = 1 / (1 + StrictMath.exp(-logit));
                    int grade = cohort.grade(fat + cohort.mriNoiseSd() * scan.gaussian());
                    ScanCondition c = new ScanCondition(fat, gain + cohort.scanGainSdDb() * scan.gaussian(), subcutaneous,
                            thickness, cohort.tiltSdDeg() * scan.gaussian(), shift, Rng.derive(seed, p, v, 7));
                    out.add(new PlannedScan(p, new ScanSite(side, ScanSite.LUMBAR_LEVELS.get(level)), fat, grade, c));
                }
            }
        }
        return out;
    }

    /** Simulates one planned scan. */
    public SimulatedScan simulate(PlannedScan scan) {
        return simulator.simulate(scan.condition());
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
