package org.painlab.imaging.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.painlab.imaging.Volume;

/** The {@code imaging read --json} description of a volume: grid, geometry, type and range. */
final class VolumeJson {
    private VolumeJson() {
    }

    static Map<String, Object> describe(Path file, String format, Volume v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("format", format);
        m.put("dims", List.of(v.nx(), v.ny(), v.nz()));
        m.put("voxels", v.voxelCount());
        m.put("spacing", list(v.spacing()));
        m.put("origin", list(v.origin()));
        m.put("direction", list(v.direction()));
        m.put("orientation", orientation(v.direction()));
        m.put("type", v.type().id());
        m.put("data", v.hasFloatData() ? "float" : "double");
        m.put("min", v.min());
        m.put("max", v.max());
        return m;
    }

    /**
     * Three letters, one per voxel axis: the patient direction (L/R, P/A, S/I) the axis points to most,
     * in LPS coordinates; identity is "LPS", a NIfTI in RAS with x and y flipped reads "RAS".
     */
    static String orientation(double[] d) {
        StringBuilder s = new StringBuilder();
        String[] plus = {"L", "P", "S"};
        String[] minus = {"R", "A", "I"};
        for (int k = 0; k < 3; k++) {
            int best = 0;
            for (int r = 1; r < 3; r++) {
                if (Math.abs(d[r * 3 + k]) > Math.abs(d[best * 3 + k])) {
                    best = r;
                }
            }
            s.append(d[best * 3 + k] >= 0 ? plus[best] : minus[best]);
        }
        return s.toString();
    }

    private static List<Double> list(double[] a) {
        return java.util.Arrays.stream(a).map(x -> x == 0 ? 0.0 : x).boxed().toList();
    }
}
