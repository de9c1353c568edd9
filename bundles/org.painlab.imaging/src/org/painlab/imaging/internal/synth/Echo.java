package org.painlab.imaging.internal.synth;

import org.painlab.imaging.synth.ScanCondition;
import org.painlab.imaging.synth.UltrasoundModel;

/**
 * Per voxel: the scatterers' amplitude (lean muscle = 1, before attenuation), their density (per mm^3) and
 * the amplitude left after the round trip's attenuation down to that depth beyond what time-gain
 * compensation restores.
 */
public final class Echo {
    static final double SUBCUTANEOUS_DB = -10;
    static final double FASCIA_DB = 14;
    static final double SEPTUM_DB = 8;
    static final double LAMINA_DB = 22;
    static final double LAMINA_LOSS_DB = 30;
    static final double NEIGHBOUR_FAT = 0.5;

    final float[] amplitude;
    final float[] density;

    Echo(float[] amplitude, float[] density) {
        this.amplitude = amplitude;
        this.density = density;
    }

    public static Echo of(UltrasoundModel m, ScanCondition c, TissueLayout layout, float[] fibre, float[] patch) {
        int nx = m.nx();
        int ny = m.ny();
        int nz = m.nz();
        float[] amp = new float[nx * ny * nz];
        float[] dens = new float[amp.length];
        double f = c.fatFraction();
        double n0 = m.scattererDensity();
        double laminaVoxels = Math.max(1, TissueLayout.LAMINA_MM / m.spacingY());
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                double lossDb = 0;
                for (int y = 0; y < ny; y++) {
                    int i = x + nx * (y + ny * z);
                    double db;
                    double gain = 1;
                    double d;
                    double fatHere;
                    switch (layout.at(i)) {
                        case TissueLayout.SUBCUTANEOUS -> {
                            db = SUBCUTANEOUS_DB;
                            gain = 1 + 2 * fibre[i];
                            d = 0.5 * n0;
                            fatHere = 1;
                        }
                        case TissueLayout.FASCIA -> {
                            db = FASCIA_DB;
                            d = n0;
                            fatHere = 0;
                        }
                        case TissueLayout.SEPTUM -> {
                            db = SEPTUM_DB;
                            d = n0;
                            fatHere = f;
                        }
                        case TissueLayout.LAMINA -> {
                            db = LAMINA_DB;
                            d = 2 * n0;
                            fatHere = 0;
                        }
                        case TissueLayout.MULTIFIDUS -> {
                            db = m.fatEchoDb() * f + m.patchDb() * patch[i];
                            gain = 1 + m.fibreGain() * (1 - f) * fibre[i];
                            d = n0 * (1 + m.fatDensityRise() * f) * (1 + patch[i]);
                            fatHere = f;
                        }
                        default -> { // neighbouring muscle and what lies in the lamina's shadow
                            double fn = NEIGHBOUR_FAT * f;
                            db = m.fatEchoDb() * fn;
                            gain = 1 + m.fibreGain() * (1 - fn) * fibre[i];
                            d = n0 * (1 + m.fatDensityRise() * fn);
                            fatHere = fn;
                        }
                    }
                    // the echo from this depth travels down and back through everything above it
                    amp[i] = (float) (StrictMath.pow(10, (db - lossDb) / 20) * gain);
                    dens[i] = (float) d;
                    double stepCm = m.spacingY() / 10;
                    lossDb += 2 * m.fatAttenuation() * fatHere * m.frequencyMHz() * stepCm;
                    if (layout.at(i) == TissueLayout.LAMINA) {
                        lossDb += LAMINA_LOSS_DB / laminaVoxels;
                    }
                }
            }
        }
        return new Echo(amp, dens);
    }
}
