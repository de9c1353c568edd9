package org.painlab.imaging.features;

/**
 * How the 13 directions of 3D GLCM and GLRLM are combined (IBSI 1, section 3.6.1): features
 * averaged over the per-direction matrices, or computed once from the merged matrix. The two
 * differ a lot on the phantom (GLRLM grey level non-uniformity 21.8 vs 281), so every GLCM/GLRLM
 * feature says which one it is.
 *
 * @since 0.1
 */
public enum TextureAggregation {
    /** Features of each direction's matrix, averaged (IBSI ITBB). */
    AVERAGED_3D("3d-averaged", "3D, averaged", "ITBB"),
    /** Features of the sum of the 13 matrices (IBSI IAZD). */
    MERGED_3D("3d-merged", "3D, merged", "IAZD");

    private final String id;
    private final String label;
    private final String code;

    TextureAggregation(String id, String label, String code) {
        this.id = id;
        this.label = label;
        this.code = code;
    }

    /** Command-line id: {@code 3d-averaged} or {@code 3d-merged}. */
    public String id() {
        return id;
    }

    /** IBSI wording, e.g. "3D, averaged". */
    public String label() {
        return label;
    }

    /** IBSI aggregation code. */
    public String code() {
        return code;
    }

    /** The aggregation whose {@link #id()} is {@code id}. */
    public static TextureAggregation fromId(String id) {
        for (TextureAggregation a : values()) {
            if (a.id.equalsIgnoreCase(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown aggregation '" + id + "'; expected 3d-averaged or 3d-merged");
    }
}
