package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The surface of a binary mask by marching cubes at iso-level 0.5 (vertices at edge midpoints),
 * the mask padded with empty voxels so the surface is closed. Instead of the classic 256-case
 * table, each cube's polygons are traced from its faces: on every face the crossing edges are
 * joined so that each inside corner run is cut off (on a face with two diagonal inside corners,
 * the corners stay apart), the face segments chained into loops and the loops fanned into triangles.
 * Every face decides the same way for both cubes it belongs to, so the surface is watertight and
 * consistently oriented, which is what the divergence-theorem volume needs.
 * Coordinates are millimetres along the voxel axes ({@code index * spacing}).
 */
final class Mesh {
    /** Corner k of a cube is at offset (k & 1, (k >> 1) & 1, (k >> 2) & 1). */
    private static final int[][] FACES = {{0, 4, 6, 2}, {1, 3, 7, 5}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 2, 3, 1}, {4, 5, 7, 6}};

    /** Triangles, 9 coordinates each. */
    final List<double[]> triangles = new ArrayList<>();
    /** The vertex ids of each triangle (same order as {@link #triangles}). */
    final List<int[]> triangleVertices = new ArrayList<>();
    /** Distinct vertices, 3 coordinates each. */
    final List<double[]> vertices = new ArrayList<>();
    /** Vertex keys (doubled index coordinates) for the distinct-vertex list. */
    final List<long[]> vertexKeys = new ArrayList<>();

    Mesh(Roi roi) {
        double[] s = roi.spacing;
        Map<Long, Integer> seen = new HashMap<>();
        boolean[] inside = new boolean[8];
        for (int z = -1; z < roi.nz; z++) {
            for (int y = -1; y < roi.ny; y++) {
                for (int x = -1; x < roi.nx; x++) {
                    int any = 0;
                    for (int k = 0; k < 8; k++) {
                        inside[k] = roi.inRoi(x + (k & 1), y + ((k >> 1) & 1), z + ((k >> 2) & 1));
                        any += inside[k] ? 1 : 0;
                    }
                    if (any == 0 || any == 8) {
                        continue;
                    }
                    cube(x, y, z, inside, s, seen);
                }
            }
        }
    }

    private void cube(int x, int y, int z, boolean[] inside, double[] s, Map<Long, Integer> seen) {
        // next[e] = the edge point a segment leads to from edge point e; edges named by corner pair a*8+b (a<b)
        int[] next = new int[64];
        java.util.Arrays.fill(next, -1);
        for (int[] face : FACES) {
            int[] crossings = new int[4];
            boolean[] entry = new boolean[4];
            int count = 0;
            for (int k = 0; k < 4; k++) {
                int a = face[k];
                int b = face[(k + 1) % 4];
                if (inside[a] != inside[b]) {
                    crossings[count] = Math.min(a, b) * 8 + Math.max(a, b);
                    entry[count] = inside[b];
                    count++;
                }
            }
            // walk from an entry: each exit is joined back to the entry that opened its inside run
            int first = entry[0] ? 0 : 1;
            for (int k = 0; k < count; k += 2) {
                int xit = crossings[(first + k + 1) % count];
                int e = crossings[(first + k + 2) % count];
                next[xit] = e;
            }
        }
        boolean[] used = new boolean[64];
        for (int startEdge = 0; startEdge < 64; startEdge++) {
            if (next[startEdge] < 0 || used[startEdge]) {
                continue;
            }
            List<Integer> loop = new ArrayList<>();
            int e = startEdge;
            while (!used[e]) {
                used[e] = true;
                loop.add(point(x, y, z, e, s, seen));
                e = next[e];
            }
            double[] p0 = vertices.get(loop.get(0));
            for (int i = 1; i + 1 < loop.size(); i++) {
                double[] p1 = vertices.get(loop.get(i));
                double[] p2 = vertices.get(loop.get(i + 1));
                triangles.add(new double[] {p0[0], p0[1], p0[2], p1[0], p1[1], p1[2], p2[0], p2[1], p2[2]});
                triangleVertices.add(new int[] {loop.get(0), loop.get(i), loop.get(i + 1)});
            }
        }
    }

    private int point(int x, int y, int z, int edge, double[] s, Map<Long, Integer> seen) {
        int a = edge / 8;
        int b = edge % 8;
        // doubled index coordinates of the midpoint: exact integers, a key shared with neighbouring cubes
        long kx = 2L * x + (a & 1) + (b & 1);
        long ky = 2L * y + ((a >> 1) & 1) + ((b >> 1) & 1);
        long kz = 2L * z + ((a >> 2) & 1) + ((b >> 2) & 1);
        long key = ((kx + 4) << 42) | ((ky + 4) << 21) | (kz + 4);
        Integer known = seen.get(key);
        if (known != null) {
            return known;
        }
        double[] p = {kx * 0.5 * s[0], ky * 0.5 * s[1], kz * 0.5 * s[2]};
        seen.put(key, vertices.size());
        vertices.add(p);
        vertexKeys.add(new long[] {kx, ky, kz});
        return vertices.size() - 1;
    }

    /**
     * Enclosed volume by the divergence theorem, each closed surface (connected set of triangles)
     * counted positively. An interior cavity therefore adds its volume instead of subtracting it:
     * that is the convention behind the IBSI consensus value (556 mm^3 for the digital phantom,
     * whose mask has a one-voxel cavity; subtracting it would give 553).
     */
    double volume() {
        int[] parent = new int[vertices.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int[] t : triangleVertices) {
            union(parent, t[0], t[1]);
            union(parent, t[0], t[2]);
        }
        Map<Integer, Double> perSurface = new HashMap<>();
        for (int k = 0; k < triangles.size(); k++) {
            double[] t = triangles.get(k);
            double v = t[0] * (t[4] * t[8] - t[5] * t[7]) - t[1] * (t[3] * t[8] - t[5] * t[6]) + t[2] * (t[3] * t[7] - t[4] * t[6]);
            perSurface.merge(find(parent, triangleVertices.get(k)[0]), v, Double::sum);
        }
        double total = 0;
        for (double v : perSurface.values()) {
            total += Math.abs(v);
        }
        return total / 6.0;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[ra] = rb;
        }
    }

    /** Surface area. */
    double area() {
        double a = 0;
        for (double[] t : triangles) {
            double ux = t[3] - t[0];
            double uy = t[4] - t[1];
            double uz = t[5] - t[2];
            double vx = t[6] - t[0];
            double vy = t[7] - t[1];
            double vz = t[8] - t[2];
            double cx = uy * vz - uz * vy;
            double cy = uz * vx - ux * vz;
            double cz = ux * vy - uy * vx;
            a += Math.sqrt(cx * cx + cy * cy + cz * cz) / 2;
        }
        return a;
    }

    /**
     * The vertices that can lie on the convex hull: a hull vertex is the lowest or highest vertex of
     * every axis-parallel line through it (any other point of such a line lies between two), so
     * only vertices extreme along x, y and z lines are kept.
     */
    List<double[]> hullCandidates() {
        boolean[] keep = new boolean[vertices.size()];
        java.util.Arrays.fill(keep, true);
        for (int axis = 0; axis < 3; axis++) {
            boolean[] extreme = new boolean[vertices.size()];
            Map<Long, int[]> lines = new HashMap<>();
            for (int i = 0; i < vertices.size(); i++) {
                long[] k = vertexKeys.get(i);
                long a = k[(axis + 1) % 3] + 4;
                long b = k[(axis + 2) % 3] + 4;
                int[] ends = lines.computeIfAbsent((a << 24) | b, key -> new int[] {-1, -1});
                if (ends[0] < 0 || k[axis] < vertexKeys.get(ends[0])[axis]) {
                    ends[0] = i;
                }
                if (ends[1] < 0 || k[axis] > vertexKeys.get(ends[1])[axis]) {
                    ends[1] = i;
                }
            }
            for (int[] ends : lines.values()) {
                extreme[ends[0]] = true;
                extreme[ends[1]] = true;
            }
            for (int i = 0; i < keep.length; i++) {
                keep[i] &= extreme[i];
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                out.add(vertices.get(i));
            }
        }
        return out;
    }
}
