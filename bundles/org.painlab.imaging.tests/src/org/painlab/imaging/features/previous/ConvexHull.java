package org.painlab.imaging.features.previous;

// Frozen copy of org.painlab.imaging.internal.features at commit c9b323c: the oracle of PreviousExtractor. Do not optimise.

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The convex hull of a point set in 3D (incremental: each point outside the current hull replaces
 * the faces it sees by a fan to their horizon), for the convex hull densities and the maximum
 * diameter. Points on or inside the hull within a tolerance are dropped; that changes neither
 * volume nor area.
 */
final class ConvexHull {
    private final List<double[]> points;
    private final List<int[]> faces = new ArrayList<>();
    /** Unit outward normal and offset of each face, parallel to {@link #faces}. */
    private final List<double[]> planes = new ArrayList<>();
    private final double[] interior = new double[3];

    /** @throws IllegalArgumentException when the points are (nearly) flat: there is no 3D hull */
    ConvexHull(List<double[]> input) {
        this.points = new ArrayList<>(input);
        // a fixed-seed shuffle avoids the worst case of grid-ordered input and keeps results reproducible
        java.util.Collections.shuffle(points, new Random(1));
        double extent = 0;
        for (double[] p : points) {
            extent = Math.max(extent, dist(p, points.get(0)));
        }
        double eps = Math.max(1e-12, extent * 1e-9);
        int a = 0;
        int b = farthest(i -> dist(points.get(i), points.get(0)));
        int c = farthest(i -> lineDistance(points.get(i), points.get(0), points.get(b)));
        if (c < 0 || lineDistance(points.get(c), points.get(0), points.get(b)) < eps) {
            throw new IllegalArgumentException("points are collinear");
        }
        double[] n0 = normal(points.get(a), points.get(b), points.get(c));
        int d = farthest(i -> Math.abs(planeDistance(n0, points.get(a), points.get(i))));
        if (Math.abs(planeDistance(n0, points.get(a), points.get(d))) < eps) {
            throw new IllegalArgumentException("points are coplanar");
        }
        for (int k = 0; k < 3; k++) {
            interior[k] = (points.get(a)[k] + points.get(b)[k] + points.get(c)[k] + points.get(d)[k]) / 4;
        }
        addOriented(a, b, c);
        addOriented(a, b, d);
        addOriented(a, c, d);
        addOriented(b, c, d);
        for (int i = 0; i < points.size(); i++) {
            if (i == a || i == b || i == c || i == d) {
                continue;
            }
            insert(i, eps);
        }
    }

    private void insert(int p, double eps) {
        double[] q = points.get(p);
        List<Integer> visible = new ArrayList<>();
        for (int f = 0; f < faces.size(); f++) {
            double[] pl = planes.get(f);
            if (pl[0] * q[0] + pl[1] * q[1] + pl[2] * q[2] - pl[3] > eps) {
                visible.add(f);
            }
        }
        if (visible.isEmpty()) {
            return;
        }
        Set<Long> edges = new HashSet<>();
        List<int[]> seen = new ArrayList<>();
        for (int f : visible) {
            int[] face = faces.get(f);
            seen.add(face);
            for (int k = 0; k < 3; k++) {
                edges.add(edgeKey(face[k], face[(k + 1) % 3]));
            }
        }
        // remove visible faces (highest index first keeps the others' indices valid), swapping with the last
        for (int i = visible.size() - 1; i >= 0; i--) {
            int f = visible.get(i);
            int last = faces.size() - 1;
            faces.set(f, faces.get(last));
            planes.set(f, planes.get(last));
            faces.remove(last);
            planes.remove(last);
        }
        for (int[] face : seen) {
            for (int k = 0; k < 3; k++) {
                int u = face[k];
                int v = face[(k + 1) % 3];
                if (!edges.contains(edgeKey(v, u))) {
                    addFace(u, v, p);
                }
            }
        }
    }

    private void addFace(int a, int b, int c) {
        double[] n = normal(points.get(a), points.get(b), points.get(c));
        faces.add(new int[] {a, b, c});
        planes.add(new double[] {n[0], n[1], n[2], dot(n, points.get(a))});
    }

    private static long edgeKey(int u, int v) {
        return ((long) u << 32) | (v & 0xffffffffL);
    }

    private void addOriented(int a, int b, int c) {
        double[] n = normal(points.get(a), points.get(b), points.get(c));
        if (planeDistance(n, points.get(a), interior) > 0) {
            addFace(a, c, b);
        } else {
            addFace(a, b, c);
        }
    }

    double volume() {
        double v = 0;
        for (int[] f : faces) {
            double[] p0 = points.get(f[0]);
            double[] p1 = points.get(f[1]);
            double[] p2 = points.get(f[2]);
            double[] u = sub(p1, p0);
            double[] w = sub(p2, p0);
            double[] r = sub(p0, interior);
            v += dot(r, cross(u, w)) / 6;
        }
        return Math.abs(v);
    }

    double area() {
        double a = 0;
        for (int[] f : faces) {
            double[] c = cross(sub(points.get(f[1]), points.get(f[0])), sub(points.get(f[2]), points.get(f[0])));
            a += Math.sqrt(dot(c, c)) / 2;
        }
        return a;
    }

    /** The largest distance between two hull vertices. */
    double diameter() {
        Set<Integer> ids = new HashSet<>();
        for (int[] f : faces) {
            for (int i : f) {
                ids.add(i);
            }
        }
        List<double[]> v = new ArrayList<>();
        for (int i : ids) {
            v.add(points.get(i));
        }
        double best = 0;
        for (int i = 0; i < v.size(); i++) {
            for (int j = i + 1; j < v.size(); j++) {
                best = Math.max(best, dist(v.get(i), v.get(j)));
            }
        }
        return best;
    }

    private int farthest(java.util.function.IntToDoubleFunction score) {
        int best = -1;
        double bestScore = -1;
        for (int i = 0; i < points.size(); i++) {
            double s = score.applyAsDouble(i);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        return best;
    }

    private static double[] normal(double[] a, double[] b, double[] c) {
        double[] n = cross(sub(b, a), sub(c, a));
        double len = Math.sqrt(dot(n, n));
        return len == 0 ? n : new double[] {n[0] / len, n[1] / len, n[2] / len};
    }

    private static double planeDistance(double[] n, double[] onPlane, double[] q) {
        return dot(n, sub(q, onPlane));
    }

    private static double lineDistance(double[] p, double[] a, double[] b) {
        double[] ab = sub(b, a);
        double len = Math.sqrt(dot(ab, ab));
        if (len == 0) {
            return 0;
        }
        double[] c = cross(ab, sub(p, a));
        return Math.sqrt(dot(c, c)) / len;
    }

    private static double dist(double[] a, double[] b) {
        double[] d = sub(a, b);
        return Math.sqrt(dot(d, d));
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
