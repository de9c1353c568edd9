package org.painlab.imaging.synth;

import org.painlab.imaging.Volume;
import org.painlab.imaging.VoxelType;
import org.painlab.imaging.internal.synth.Beamformer;
import org.painlab.imaging.internal.synth.Echo;
import org.painlab.imaging.internal.synth.Rng;
import org.painlab.imaging.internal.synth.TextureFields;
import org.painlab.imaging.internal.synth.TissueLayout;

/**
 * Simulates one B-mode-like 3D ultrasound volume of the multifidus: tissue layout from the skin down,
 * fibre streaks and fat patches, random scatterers convolved with the point-spread function (axial
 * Gaussian-modulated cosine, lateral and elevational Gaussians), quadrature demodulation to the envelope,
 * log compression to 8-bit grey levels; and the muscle's mask. Deterministic: the same model and
 * condition (seed included) give the same voxels on every JVM (all arithmetic through
 * {@link StrictMath} and a specified generator). Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class UltrasoundSimulator {
    private final UltrasoundModel model;
    private final Beamformer beamformer;

    /** @param model the physics and tissue parameters */
    public UltrasoundSimulator(UltrasoundModel model) {
        this.model = model;
        this.beamformer = new Beamformer(model);
    }

    /** The model this simulator uses. */
    public UltrasoundModel model() {
        return model;
    }

    /**
     * @param condition fat fraction, patient effects and seed of the scan
     * @return the grey-level volume and the multifidus mask
     * @throws IllegalArgumentException when the multifidus falls outside the field of view (subcutaneous fat
     *         thicker than the volume is deep)
     */
    public SimulatedScan simulate(ScanCondition condition) {
        TissueLayout layout = new TissueLayout(model, condition);
        if (layout.maskVoxels() == 0) {
            throw new IllegalArgumentException("the multifidus lies outside the " + model.ny() * model.spacingY()
                    + " mm deep field of view (subcutaneous fat " + condition.subcutaneousFatMm() + " mm)");
        }
        long seed = condition.seed();
        float[] fibre = TextureFields.fibres(model, condition, new Rng(Rng.derive(seed, 1)));
        float[] patch = TextureFields.patches(model, layout, model.patchMaxFraction() * condition.fatFraction(),
                new Rng(Rng.derive(seed, 2)));
        Echo echo = Echo.of(model, condition, layout, fibre, patch);
        float[] envelope = beamformer.envelope(echo, new Rng(Rng.derive(seed, 3)));
        int n = envelope.length;
        float[] grey = new float[n];
        float[] mask = new float[n];
        double range = model.dynamicRangeDb();
        double bottom = model.topDb() - range;
        for (int i = 0; i < n; i++) {
            double db = 20 * StrictMath.log10(Math.max(envelope[i], 1e-12)) + condition.gainDb();
            double g = StrictMath.floor(255 * (db - bottom) / range + 0.5);
            grey[i] = (float) Math.max(0, Math.min(255, g));
            mask[i] = layout.inMask(i) ? 1 : 0;
        }
        return new SimulatedScan(volume(grey), volume(mask));
    }

    private Volume volume(float[] data) {
        return Volume.builder(model.nx(), model.ny(), model.nz())
                .spacing(model.spacingX(), model.spacingY(), model.spacingZ())
                .type(VoxelType.UINT8).data(data).build();
    }
}
