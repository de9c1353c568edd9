package org.painlab.imaging;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where on the spine a volume was scanned: the side (left or right multifidus) and the vertebral level
 * (e.g. {@code L4-L5}). Volumes of a study are linked to a subject and a site.
 *
 * @param side  left or right
 * @param level a level between two vertebrae, written like {@code L4-L5} or {@code L5-S1}
 * @since 0.1
 */
public record ScanSite(Side side, String level) {
    /** The four lumbar levels of the imaging study, cranial to caudal. */
    public static final List<String> LUMBAR_LEVELS = List.of("L2-L3", "L3-L4", "L4-L5", "L5-S1");

    private static final Pattern LEVEL = Pattern.compile("[CTLS][0-9]{1,2}-[CTLS][0-9]{1,2}");

    /** Left or right side of the spine. */
    public enum Side {
        LEFT, RIGHT;

        /** {@code left} or {@code right}, as stored and typed on the command line. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param text {@code left}/{@code right} (any case, or {@code L}/{@code R})
         * @throws IllegalArgumentException naming what is accepted
         */
        public static Side parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "left", "l" -> LEFT;
                case "right", "r" -> RIGHT;
                default -> throw new IllegalArgumentException("side must be left or right, found '" + text + "'");
            };
        }
    }

    /** Checks the level's form (upper-cased: {@code l4-l5} becomes {@code L4-L5}). */
    public ScanSite {
        if (side == null) {
            throw new IllegalArgumentException("side is required (left or right)");
        }
        level = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
        if (!LEVEL.matcher(level).matches()) {
            throw new IllegalArgumentException("level must name two vertebrae like L4-L5 or L5-S1, found '" + level + "'");
        }
    }

    /** E.g. {@code left L4-L5}. */
    @Override
    public String toString() {
        return side.id() + " " + level;
    }
}
