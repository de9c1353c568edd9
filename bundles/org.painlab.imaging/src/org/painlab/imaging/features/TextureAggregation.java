package org.painlab.imaging.features;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How the matrices of the texture families are combined (IBSI 1, section 3.1.2). GLCM and GLRLM
 * have one matrix per direction: 13 directions in 3D, 4 in-plane directions per axial slice in 2D
 * and 2.5D. The zone and neighbourhood families (GLSZM, GLDZM, NGTDM, NGLDM) follow the dimension:
 * 3D (KOBO) whenever a 3D aggregation is chosen, 2D (8QNN, per slice, averaged) whenever a 2D one
 * is, 2.5D (62GR, slices merged) whenever a 2.5D one is. The aggregations differ a lot on the
 * phantom (GLRLM grey level non-uniformity 21.8 3D averaged vs 281 3D merged), so every feature
 * says which one it is.
 *
 * @since 0.1
 */
public enum TextureAggregation {
    /** Features of each direction's 3D matrix, averaged (IBSI ITBB). */
    AVERAGED_3D("3d-averaged", "3D, averaged", "ITBB", Dimension.THREE_D),
    /** Features of the sum of the 13 3D matrices (IBSI IAZD). */
    MERGED_3D("3d-merged", "3D, merged", "IAZD", Dimension.THREE_D),
    /** Features of every slice's every in-plane direction matrix, averaged over slices and directions (IBSI BTW3). */
    AVERAGED_2D("2d-averaged", "2D, averaged", "BTW3", Dimension.TWO_D),
    /** Per slice, the features of its four directions' merged matrix, averaged over slices (IBSI SUJT). */
    SLICE_MERGED_2D("2d-slice-merged", "2D, slice-merged", "SUJT", Dimension.TWO_D),
    /** Per in-plane direction, the features of its matrices merged over the slices, averaged over directions (IBSI JJUI). */
    DIRECTION_MERGED_2_5D("2.5d-direction-merged", "2.5D, direction-merged", "JJUI", Dimension.TWO_AND_A_HALF_D),
    /** The features of every slice's and direction's matrices merged into one (IBSI ZW7Z). */
    MERGED_2_5D("2.5d-merged", "2.5D, merged", "ZW7Z", Dimension.TWO_AND_A_HALF_D);

    /**
     * How the zone and neighbourhood families (one matrix, no directions) are computed: on the
     * volume (3D), per axial slice with features averaged over slices (2D), or from the slices'
     * matrices summed (2.5D).
     *
     * @since 0.1
     */
    public enum Dimension {
        /** Zones and neighbourhoods in 3D, 26-connected (IBSI KOBO). */
        THREE_D("3D", "KOBO"),
        /** Per axial slice, 8-connected in plane, features averaged over slices (IBSI 8QNN). */
        TWO_D("2D", "8QNN"),
        /** Per axial slice, 8-connected in plane, the slices' matrices merged (IBSI 62GR). */
        TWO_AND_A_HALF_D("2.5D", "62GR");

        private final String label;
        private final String code;

        Dimension(String label, String code) {
            this.label = label;
            this.code = code;
        }

        /** IBSI wording: "3D", "2D" or "2.5D". */
        public String label() {
            return label;
        }

        /** IBSI aggregation code of the zone and neighbourhood families. */
        public String code() {
            return code;
        }
    }

    /** What {@link #parse(String)} accepts, for messages and help. */
    public static final String ACCEPTED = "3d-averaged, 3d-merged, 2d-averaged, 2d-slice-merged, 2.5d-direction-merged, 2.5d-merged,"
            + " or the groups 3d, 2d, 2.5d, all; comma-separated";

    private final String id;
    private final String label;
    private final String code;
    private final Dimension dimension;

    TextureAggregation(String id, String label, String code, Dimension dimension) {
        this.id = id;
        this.label = label;
        this.code = code;
        this.dimension = dimension;
    }

    /** Command-line id, e.g. {@code 3d-averaged} or {@code 2.5d-merged}. */
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

    /** The dimension this aggregation belongs to (and in which the zone and neighbourhood families are computed). */
    public Dimension dimension() {
        return dimension;
    }

    /** The aggregation whose {@link #id()} is {@code id}. */
    public static TextureAggregation fromId(String id) {
        for (TextureAggregation a : values()) {
            if (a.id.equalsIgnoreCase(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown aggregation '" + id + "'; expected " + ACCEPTED);
    }

    /**
     * Aggregations from a comma-separated list of ids and groups ({@code 3d} = both 3D ones,
     * {@code 2d}, {@code 2.5d}, {@code all}).
     *
     * @throws IllegalArgumentException naming an unknown part, or when the list names nothing
     */
    public static Set<TextureAggregation> parse(String list) {
        Set<TextureAggregation> set = EnumSet.noneOf(TextureAggregation.class);
        for (String raw : list.split(",")) {
            String part = raw.trim().toLowerCase(Locale.ROOT);
            switch (part) {
                case "" -> {
                    // "3d-merged," is read as "3d-merged"
                }
                case "all" -> set.addAll(EnumSet.allOf(TextureAggregation.class));
                case "3d" -> set.addAll(of(Dimension.THREE_D));
                case "2d" -> set.addAll(of(Dimension.TWO_D));
                case "2.5d" -> set.addAll(of(Dimension.TWO_AND_A_HALF_D));
                default -> set.add(fromId(part));
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("no aggregation in '" + list + "'; expected " + ACCEPTED);
        }
        return set;
    }

    /** The aggregations of {@code dimension}. */
    public static Set<TextureAggregation> of(Dimension dimension) {
        Set<TextureAggregation> set = EnumSet.noneOf(TextureAggregation.class);
        for (TextureAggregation a : values()) {
            if (a.dimension == dimension) {
                set.add(a);
            }
        }
        return set;
    }
}
