package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

/** The 13 unique directions of the 26-neighbourhood (each pair of opposite directions once). */
final class Directions {
    static final int[][] THIRTEEN = {
        {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {1, -1, 0}, {1, 0, 1}, {1, 0, -1},
        {0, 1, 1}, {0, 1, -1}, {1, 1, 1}, {1, 1, -1}, {1, -1, 1}, {1, -1, -1}};

    private Directions() {
    }
}
