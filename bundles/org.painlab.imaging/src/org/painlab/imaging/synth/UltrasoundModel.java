package org.painlab.imaging.synth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The physics and tissue parameters of simulated B-mode volumes of the multifidus (see
 * {@code docs/imaging.md}, "Simulated 3D ultrasound", for the model and every parameter). Axes: x lateral
 * (along the transducer), y axial (depth, from the skin), z elevational (the probe's sweep). Immutable;
 * {@link #defaults()} is the model of the imaging study.
 *
 * @param nx                  voxels along x (lateral)
 * @param ny                  voxels along y (depth)
 * @param nz                  voxels along z (elevation)
 * @param spacingX            lateral voxel size, mm
 * @param spacingY            axial voxel size, mm
 * @param spacingZ            elevational voxel size, mm
 * @param frequencyMHz        transmit centre frequency, MHz
 * @param soundSpeed          speed of sound, m/s (with the frequency, the carrier's period along depth)
 * @param pulseSigmaMm        standard deviation of the pulse-echo's Gaussian envelope along depth, mm
 * @param lateralSigmaMm      standard deviation of the lateral Gaussian beam profile, mm
 * @param elevationSigmaMm    standard deviation of the elevational Gaussian beam profile, mm
 * @param scattererDensity    scatterers per mm^3 in lean muscle
 * @param dynamicRangeDb      dB of envelope shown between grey 0 and 255 (log compression)
 * @param topDb               envelope level, dB re the lean-muscle RMS envelope, shown as grey 255 at zero gain
 * @param fatEchoDb           rise of muscle echo amplitude, dB, from fat fraction 0 to 1
 * @param fatDensityRise      relative rise of scatterer density from fat fraction 0 to 1
 * @param fibreGain           amplitude gain inside fibre streaks (perimysium) of lean muscle; fades as (1 - fat)
 * @param fibreLengthMm       length scale of fibre streaks along x (Gaussian smoothing sigma), mm
 * @param fibreWidthMm        width scale of fibre streaks across the fibres, mm
 * @param patchDb             echo rise inside hyperechoic fat patches, dB
 * @param patchSizeMm         size of fat patches (Gaussian smoothing sigma), mm
 * @param patchMaxFraction    share of the muscle covered by patches at fat fraction 1 (scales linearly)
 * @param fatAttenuation      extra attenuation of fat over what the scanner's time-gain compensation expects,
 *                            dB/cm/MHz at fat fraction 1 (round trip)
 * @since 0.1
 */
public record UltrasoundModel(int nx, int ny, int nz, double spacingX, double spacingY, double spacingZ,
        double frequencyMHz, double soundSpeed, double pulseSigmaMm, double lateralSigmaMm, double elevationSigmaMm,
        double scattererDensity, double dynamicRangeDb, double topDb, double fatEchoDb, double fatDensityRise,
        double fibreGain, double fibreLengthMm, double fibreWidthMm, double patchDb, double patchSizeMm,
        double patchMaxFraction, double fatAttenuation) {

    /** Checks sizes and that every parameter is a usable number. */
    public UltrasoundModel {
        if (nx < 4 || ny < 4 || nz < 1 || (long) nx * ny * nz > 16_777_216L) {
            throw new IllegalArgumentException("size must be at least 4x4x1 and at most 2^24 voxels, found "
                    + nx + "x" + ny + "x" + nz);
        }
        double[] positive = {spacingX, spacingY, spacingZ, frequencyMHz, soundSpeed, pulseSigmaMm, lateralSigmaMm,
            elevationSigmaMm, scattererDensity, dynamicRangeDb, fibreLengthMm, fibreWidthMm, patchSizeMm};
        for (double p : positive) {
            if (!(p > 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("spacings, frequency, sound speed, beam widths, density, dynamic "
                        + "range and structure sizes must be positive, found " + p);
            }
        }
        double[] finite = {topDb, fatEchoDb, fatDensityRise, fibreGain, patchDb, patchMaxFraction, fatAttenuation};
        for (double p : finite) {
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("model parameters must be finite, found " + p);
            }
        }
        if (patchMaxFraction < 0 || patchMaxFraction > 1) {
            throw new IllegalArgumentException("patchMaxFraction must be in 0..1, found " + patchMaxFraction);
        }
    }

    /** The imaging study's model at 48 x 48 x 32 voxels of 0.6 x 0.5 x 0.8 mm. */
    public static UltrasoundModel defaults() {
        return new UltrasoundModel(48, 48, 32, 0.6, 0.5, 0.8, 5.0, 1540, 0.3, 0.5, 0.9, 20, 50, 34, 8, 1.0, 2.5, 3.0, 0.25,
                6, 1.2, 0.6, 0.35);
    }

    /** The same model on another grid (the voxel size stays, so the field of view changes). */
    public UltrasoundModel withSize(int sizeX, int sizeY, int sizeZ) {
        return new UltrasoundModel(sizeX, sizeY, sizeZ, spacingX, spacingY, spacingZ, frequencyMHz, soundSpeed,
                pulseSigmaMm, lateralSigmaMm, elevationSigmaMm, scattererDensity, dynamicRangeDb, topDb, fatEchoDb,
                fatDensityRise, fibreGain, fibreLengthMm, fibreWidthMm, patchDb, patchSizeMm, patchMaxFraction,
                fatAttenuation);
    }

    /** Period of the pulse-echo carrier along depth (half a wavelength), mm. */
    public double carrierPeriodMm() {
        return soundSpeed / 1000.0 / frequencyMHz / 2.0;
    }

    /** Every parameter by name, for stored results and {@code --json}. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", new int[] {nx, ny, nz});
        m.put("spacing_mm", new double[] {spacingX, spacingY, spacingZ});
        m.put("frequency_mhz", frequencyMHz);
        m.put("sound_speed_m_s", soundSpeed);
        m.put("pulse_sigma_mm", pulseSigmaMm);
        m.put("lateral_sigma_mm", lateralSigmaMm);
        m.put("elevation_sigma_mm", elevationSigmaMm);
        m.put("scatterer_density_per_mm3", scattererDensity);
        m.put("dynamic_range_db", dynamicRangeDb);
        m.put("top_db", topDb);
        m.put("fat_echo_db", fatEchoDb);
        m.put("fat_density_rise", fatDensityRise);
        m.put("fibre_gain", fibreGain);
        m.put("fibre_length_mm", fibreLengthMm);
        m.put("fibre_width_mm", fibreWidthMm);
        m.put("patch_db", patchDb);
        m.put("patch_size_mm", patchSizeMm);
        m.put("patch_max_fraction", patchMaxFraction);
        m.put("fat_attenuation_db_cm_mhz", fatAttenuation);
        return m;
    }
}
