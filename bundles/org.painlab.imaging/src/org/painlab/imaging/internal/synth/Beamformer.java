package org.painlab.imaging.internal.synth;

import org.painlab.imaging.synth.UltrasoundModel;

/**
 * From scatterers to the envelope: random scatterers are dropped into each voxel (Poisson count, Gaussian
 * amplitude, random depth on a fine axial grid that samples the carrier four times a period), each depth
 * line is convolved with the pulse-echo (a Gaussian-modulated cosine), quadrature-demodulated (mixed with
 * the carrier's cosine and sine, Gaussian low-pass, sampled at the voxel centres), and the complex
 * baseband is convolved with the lateral and elevational Gaussian beam profiles (which commute with the
 * axial steps) before its magnitude is taken.
 */
public final class Beamformer {
    private final UltrasoundModel m;
    private final int ovs;
    private final double fineStep;
    private final double[] pulse;
    private final double[] lowPass;
    private final double[] cos;
    private final double[] sin;
    private final double scale;
    /** Half-width of a uniform law of variance 1. */
    private static final double UNIT_UNIFORM = StrictMath.sqrt(3);

    public Beamformer(UltrasoundModel m) {
        this.m = m;
        double period = m.carrierPeriodMm();
        this.ovs = Math.max(2, (int) StrictMath.ceil(4 * m.spacingY() / period));
        this.fineStep = m.spacingY() / ovs;
        int half = Math.max(1, (int) StrictMath.ceil(3 * m.pulseSigmaMm() / fineStep));
        pulse = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) {
            double y = k * fineStep;
            pulse[k + half] = StrictMath.exp(-0.5 * y * y / (m.pulseSigmaMm() * m.pulseSigmaMm()))
                    * StrictMath.cos(2 * StrictMath.PI * y / period);
        }
        lowPass = Blur.gaussian(Math.max(period, m.spacingY() / 2) / fineStep);
        int nyf = m.ny() * ovs;
        int lh = lowPass.length / 2;
        cos = new double[nyf + 2 * lh];
        sin = new double[nyf + 2 * lh];
        for (int k = 0; k < cos.length; k++) {
            double phase = 2 * StrictMath.PI * (k - lh) * fineStep / period;
            cos[k] = StrictMath.cos(phase);
            sin[k] = StrictMath.sin(phase);
        }
        // lean muscle (amplitude 1, density n0) gets an RMS envelope near 1: E|env|^2 = 2 var(RF) x beam energy
        double pulseEnergy = 0;
        for (double p : pulse) {
            pulseEnergy += p * p;
        }
        double lateral = sumOfSquares(Blur.gaussian(m.lateralSigmaMm() / m.spacingX()));
        double elevation = sumOfSquares(Blur.gaussian(m.elevationSigmaMm() / m.spacingZ()));
        double perVoxel = m.scattererDensity() * m.spacingX() * m.spacingY() * m.spacingZ();
        double varRf = perVoxel / ovs * pulseEnergy * lateral * elevation;
        this.scale = 1 / StrictMath.sqrt(2 * varRf);
    }

    private static double sumOfSquares(double[] k) {
        double s = 0;
        for (double v : k) {
            s += v * v;
        }
        return s;
    }

    /** The envelope at each voxel centre (x fastest). */
    public float[] envelope(Echo echo, Rng rng) {
        int nx = m.nx();
        int ny = m.ny();
        int nz = m.nz();
        int nyf = ny * ovs;
        double voxelVolume = m.spacingX() * m.spacingY() * m.spacingZ();
        float[] re = new float[nx * ny * nz];
        float[] im = new float[re.length];
        double[] line = new double[nyf];
        int ph = pulse.length / 2;
        int lh = lowPass.length / 2;
        // the line mirrored at both ends, so the convolutions' inner loops need no index checks
        double[] padded = new double[nyf + 2 * ph];
        double[] rf = new double[nyf + 2 * lh];
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                java.util.Arrays.fill(line, 0);
                for (int y = 0; y < ny; y++) {
                    int i = x + nx * (y + ny * z);
                    int count = rng.poisson(echo.density[i] * voxelVolume);
                    double a = echo.amplitude[i] * UNIT_UNIFORM;
                    for (int s = 0; s < count; s++) {
                        int k = y * ovs + rng.nextInt(ovs);
                        // zero mean, unit variance: the sum over many scatterers is Gaussian whatever their law
                        line[k] += a * (2 * rng.uniform() - 1);
                    }
                }
                for (int k = 0; k < padded.length; k++) {
                    padded[k] = line[Blur.mirror(k - ph, nyf)];
                }
                for (int k = 0; k < nyf; k++) {
                    double s = 0;
                    for (int j = 0; j < pulse.length; j++) {
                        s += pulse[j] * padded[k + j];
                    }
                    rf[k + lh] = s;
                }
                for (int k = 0; k < lh; k++) {
                    rf[k] = rf[lh + Blur.mirror(k - lh, nyf)];
                    rf[lh + nyf + k] = rf[lh + Blur.mirror(nyf + k, nyf)];
                }
                for (int y = 0; y < ny; y++) {
                    int kc = y * ovs + ovs / 2;
                    double si = 0;
                    double sq = 0;
                    for (int j = -lh; j <= lh; j++) {
                        int k = kc + j + lh;
                        double w = lowPass[j + lh] * rf[k];
                        si += w * cos[k];
                        sq -= w * sin[k];
                    }
                    int i = x + nx * (y + ny * z);
                    re[i] = (float) (2 * si);
                    im[i] = (float) (2 * sq);
                }
            }
        }
        int[] n = {nx, ny, nz};
        double[] lateral = Blur.gaussian(m.lateralSigmaMm() / m.spacingX());
        double[] elevation = Blur.gaussian(m.elevationSigmaMm() / m.spacingZ());
        Blur.along(re, n, 0, lateral);
        Blur.along(im, n, 0, lateral);
        Blur.along(re, n, 2, elevation);
        Blur.along(im, n, 2, elevation);
        float[] env = new float[re.length];
        for (int i = 0; i < env.length; i++) {
            env[i] = (float) (scale * StrictMath.sqrt((double) re[i] * re[i] + (double) im[i] * im[i]));
        }
        return env;
    }
}
