package org.painlab.imaging.internal.features;

/** The 13 unique directions of the 26-neighbourhood (each pair of opposite directions once). */
final class Directions {
    static final int[][] THIRTEEN = {
        {1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 0}, {1, -1, 0}, {1, 0, 1}, {1, 0, -1},
        {0, 1, 1}, {0, 1, -1}, {1, 1, 1}, {1, 1, -1}, {1, -1, 1}, {1, -1, -1}};

    private Directions() {
    }
}
