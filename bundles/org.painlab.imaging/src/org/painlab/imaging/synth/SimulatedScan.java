package org.painlab.imaging.synth;

import org.painlab.imaging.Volume;

/**
 * One simulated B-mode volume (8-bit grey levels, type uint8) and the multifidus mask on the same grid
 * (1 inside the muscle, 0 outside).
 *
 * @param image the grey-level volume
 * @param mask  the region of interest
 * @since 0.1
 */
public record SimulatedScan(Volume image, Volume mask) {
}
