package org.painlab.imaging.internal.synth;

import org.painlab.imaging.synth.ScanCondition;
import org.painlab.imaging.synth.UltrasoundModel;

/**
 * Which tissue each voxel of a scan shows, from the skin down: subcutaneous fat, the thoracolumbar
 * fascia, muscle (the multifidus inside an elliptic cross-section drifting slightly along the sweep, its
 * neighbours outside, a bright septum between them), the lamina's surface and the acoustic shadow below it.
 */
public final class TissueLayout {
    public static final byte SUBCUTANEOUS = 0;
    public static final byte FASCIA = 1;
    public static final byte MULTIFIDUS = 2;
    public static final byte NEIGHBOUR = 3;
    public static final byte SEPTUM = 4;
    public static final byte LAMINA = 5;
    public static final byte SHADOW = 6;

    static final double FASCIA_MM = 0.8;
    static final double LAMINA_MM = 1.0;
    static final double SEPTUM_MM = 0.35;

    private final byte[] tissue;

    public TissueLayout(UltrasoundModel m, ScanCondition c) {
        int nx = m.nx();
        int ny = m.ny();
        int nz = m.nz();
        tissue = new byte[nx * ny * nz];
        double fovX = nx * m.spacingX();
        double fasciaEnd = c.subcutaneousFatMm() + FASCIA_MM;
        double lamina = fasciaEnd + c.muscleThicknessMm();
        double ax = 0.3 * fovX;
        double ay = c.muscleThicknessMm() / 2 + 1.5;
        double yc = (fasciaEnd + lamina) / 2;
        for (int z = 0; z < nz; z++) {
            double xc = fovX / 2 + c.lateralShiftMm() + (z - nz / 2.0) * m.spacingZ() * 0.03;
            for (int y = 0; y < ny; y++) {
                double depth = (y + 0.5) * m.spacingY();
                for (int x = 0; x < nx; x++) {
                    double lateral = (x + 0.5) * m.spacingX();
                    byte t;
                    if (depth < c.subcutaneousFatMm()) {
                        t = SUBCUTANEOUS;
                    } else if (depth < fasciaEnd) {
                        t = FASCIA;
                    } else if (depth < lamina) {
                        double dx = (lateral - xc) / ax;
                        double dy = (depth - yc) / ay;
                        double r = StrictMath.sqrt(dx * dx + dy * dy);
                        if (Math.abs(r - 1) * Math.min(ax, ay) < SEPTUM_MM) {
                            t = SEPTUM;
                        } else {
                            t = r < 1 ? MULTIFIDUS : NEIGHBOUR;
                        }
                    } else if (depth < lamina + LAMINA_MM) {
                        t = LAMINA;
                    } else {
                        t = SHADOW;
                    }
                    tissue[x + nx * (y + ny * z)] = t;
                }
            }
        }
    }

    public byte at(int index) {
        return tissue[index];
    }

    public boolean inMask(int index) {
        return tissue[index] == MULTIFIDUS;
    }

    public int maskVoxels() {
        int n = 0;
        for (byte t : tissue) {
            if (t == MULTIFIDUS) {
                n++;
            }
        }
        return n;
    }
}
