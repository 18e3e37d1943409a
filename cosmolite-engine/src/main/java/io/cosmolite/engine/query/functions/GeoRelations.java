package io.cosmolite.engine.query.functions;

import io.cosmolite.engine.query.functions.GeoJson.Geometry;
import io.cosmolite.engine.query.functions.GeoJson.LineString;
import io.cosmolite.engine.query.functions.GeoJson.MultiPolygon;
import io.cosmolite.engine.query.functions.GeoJson.Point;
import io.cosmolite.engine.query.functions.GeoJson.Polygon;
import io.cosmolite.engine.query.functions.GeoJson.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Distance, area, within and intersects between GeoJSON geometries on the ellipsoid.
 *
 * <p>Topology needs no ellipsoid: edges are great ellipses (see {@link Geodesy}), and the central
 * projection that maps the ellipsoid onto the unit sphere maps every great ellipse onto a great
 * circle, so containment and crossing are decided with great-circle arcs between the points'
 * geocentric directions. A polygon's exterior ring bounds the region on its left (counter-clockwise
 * encloses the small region, clockwise its complement, as Cosmos DB documents); a hole removes the
 * smaller region its ring encloses, whatever its orientation.
 */
final class GeoRelations {
    /** Angular tolerance (radians) for a point lying on an edge. */
    private static final double ON_EDGE = 1e-13;

    private GeoRelations() {}

    /** Where a point lies relative to a polygon. */
    enum Location { INSIDE, BOUNDARY, OUTSIDE }

    /** The geometry's area in square metres: 0 for points and lines. */
    static double area(Geometry g) {
        double total = 0;
        for (Polygon p : polygons(g)) {
            total += polygonArea(p);
        }
        return total;
    }

    /** The shortest distance in metres between two geometries, 0 when they intersect. */
    static double distance(Geometry a, Geometry b) {
        if (intersects(a, b)) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        best = Math.min(best, verticesToGeometry(a, b));
        best = Math.min(best, verticesToGeometry(b, a));
        return best;
    }

    /** True when a lies within b: inside b's polygons, on b's line, or equal to b's point. */
    static boolean within(Geometry a, Geometry b) {
        List<Polygon> areas = polygons(b);
        if (areas.isEmpty()) {
            if (!(a instanceof Point p)) {
                return false;
            }
            if (b instanceof Point q) {
                return samePlace(p.position(), q.position());
            }
            for (Position[] e : edges(b)) {
                if (onEdge(unit(p.position()), unit(e[0]), unit(e[1]))) {
                    return true;
                }
            }
            return false;
        }
        for (Position v : vertices(a)) {
            double[] u = unit(v);
            boolean inSome = false;
            for (Polygon poly : areas) {
                Location where = locate(poly, u);
                if (where == Location.INSIDE || (where == Location.BOUNDARY && !(a instanceof Point))) {
                    inSome = true;
                    break;
                }
            }
            if (!inSome) {
                return false;
            }
        }
        if (a instanceof Point) {
            return true;
        }
        // No edge may cross out of b, and no part of b's boundary (a hole) may lie inside a.
        if (edgesCross(a, b, true)) {
            return false;
        }
        for (Polygon inner : polygons(a)) {
            for (Position v : vertices(b)) {
                if (locate(inner, unit(v)) == Location.INSIDE) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when the two geometries share at least one point. */
    static boolean intersects(Geometry a, Geometry b) {
        if (edgesCross(a, b, false)) {
            return true;
        }
        return touches(a, b) || touches(b, a);
    }

    /** Whether some vertex of a lies on or in b (a point of b, an edge of b, or a polygon of b). */
    private static boolean touches(Geometry a, Geometry b) {
        List<Polygon> areas = polygons(b);
        List<Position[]> bEdges = edges(b);
        for (Position v : vertices(a)) {
            double[] u = unit(v);
            if (b instanceof Point q && samePlace(v, q.position())) {
                return true;
            }
            for (Position[] e : bEdges) {
                if (onEdge(u, unit(e[0]), unit(e[1]))) {
                    return true;
                }
            }
            for (Polygon poly : areas) {
                if (locate(poly, u) != Location.OUTSIDE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where the point of unit direction u lies relative to the polygon. */
    static Location locate(Polygon poly, double[] u) {
        List<List<Position>> rings = poly.rings();
        for (List<Position> ring : rings) {
            for (int i = 0; i + 1 < ring.size(); i++) {
                if (onEdge(u, unit(ring.get(i)), unit(ring.get(i + 1)))) {
                    return Location.BOUNDARY;
                }
            }
        }
        List<Position> outer = rings.get(0);
        int w = winding(outer, u);
        boolean inOuter = poly.counterClockwise() ? w > 0 : w == 0;
        if (!inOuter) {
            return Location.OUTSIDE;
        }
        for (int h = 1; h < rings.size(); h++) {
            if (winding(rings.get(h), u) != 0) {
                return Location.OUTSIDE;
            }
        }
        return Location.INSIDE;
    }

    /**
     * How many times the ring winds around u: +1 counter-clockwise, -1 clockwise, 0 when u is
     * outside. Sums the signed angles the edges subtend at u in its tangent plane.
     */
    private static int winding(List<Position> ring, double[] u) {
        double total = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            double[] a = unit(ring.get(i));
            double[] b = unit(ring.get(i + 1));
            double sin = Vec.triple(u, a, b);
            double cos = Vec.dot(a, b) - Vec.dot(u, a) * Vec.dot(u, b);
            total += Math.atan2(sin, cos);
        }
        return (int) Math.round(total / (2 * Math.PI));
    }

    private static double polygonArea(Polygon p) {
        double[] signed = p.signedAreas();
        double area = p.counterClockwise() ? signed[0] : Geodesy.earthArea() + signed[0];
        for (int h = 1; h < signed.length; h++) {
            area -= Math.abs(signed[h]);
        }
        return area;
    }

    /** True when an edge of a crosses an edge of b (properly only, when {@code properOnly}). */
    private static boolean edgesCross(Geometry a, Geometry b, boolean properOnly) {
        List<Position[]> bEdges = edges(b);
        for (Position[] e : edges(a)) {
            double[] p = unit(e[0]);
            double[] q = unit(e[1]);
            for (Position[] f : bEdges) {
                if (arcsIntersect(p, q, unit(f[0]), unit(f[1]), properOnly)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the minor great-circle arcs ab and cd meet; with {@code properOnly}, only a crossing
     * strictly inside both arcs counts.
     */
    static boolean arcsIntersect(double[] a, double[] b, double[] c, double[] d, boolean properOnly) {
        double[] n1 = Vec.cross(a, b);
        double[] n2 = Vec.cross(c, d);
        double[] x = Vec.cross(n1, n2);
        if (Vec.norm(x) < 1e-15 * Vec.norm(n1) * Vec.norm(n2) + 1e-300) {
            // Same great circle: they meet when an endpoint of one lies on the other.
            return !properOnly && (onEdge(c, a, b) || onEdge(d, a, b) || onEdge(a, c, d) || onEdge(b, c, d));
        }
        x = Vec.unit(x);
        for (double[] cand : new double[][] {x, Vec.scale(x, -1)}) {
            if (withinArc(cand, a, b, n1, properOnly) && withinArc(cand, c, d, n2, properOnly)) {
                return true;
            }
        }
        return false;
    }

    /** Whether x, a point on the great circle of normal n = a × b, lies on the minor arc ab. */
    private static boolean withinArc(double[] x, double[] a, double[] b, double[] n, boolean strict) {
        double s1 = Vec.dot(Vec.cross(a, x), n);
        double s2 = Vec.dot(Vec.cross(x, b), n);
        double tol = strict ? ON_EDGE * Vec.dot(n, n) : -ON_EDGE * Vec.dot(n, n);
        return s1 > tol && s2 > tol;
    }

    /** Whether unit direction u lies on the minor arc ab (within {@link #ON_EDGE}). */
    static boolean onEdge(double[] u, double[] a, double[] b) {
        double[] n = Vec.cross(a, b);
        double len = Vec.norm(n);
        if (len < 1e-15) {
            return Vec.norm(Vec.sub(u, a)) < ON_EDGE;
        }
        if (Math.abs(Vec.dot(u, n)) / len > ON_EDGE) {
            return false;
        }
        return withinArc(u, a, b, n, false) && Vec.dot(u, a) + Vec.dot(u, b) > 0;
    }

    /** The least distance from a vertex of {@code from} to {@code to}'s points and edges. */
    private static double verticesToGeometry(Geometry from, Geometry to) {
        List<Position[]> toEdges = edges(to);
        List<Position> toPoints = to instanceof Point p ? List.of(p.position()) : List.of();
        double best = Double.POSITIVE_INFINITY;
        for (Position v : vertices(from)) {
            for (Position q : toPoints) {
                best = Math.min(best, Geodesy.arcLength(v.xyz(), q.xyz()));
            }
            for (Position[] e : toEdges) {
                // Every point of the ellipsoid is at least B from its centre, so B times the
                // geocentric angle bounds the distance from below: skip edges that cannot win.
                if (Geodesy.B * angleToArc(v.unit(), e[0].unit(), e[1].unit()) < best) {
                    best = Math.min(best, pointToEdge(v.xyz(), e[0].xyz(), e[1].xyz()));
                }
            }
        }
        return best;
    }

    /** The least geocentric angle (radians) between direction u and the great-circle arc ab. */
    private static double angleToArc(double[] u, double[] a, double[] b) {
        double toEnds = Math.min(angle(u, a), angle(u, b));
        double[] n = Vec.cross(a, b);
        double len = Vec.norm(n);
        if (len < 1e-15) {
            return toEnds;
        }
        n = Vec.scale(n, 1 / len);
        double off = Vec.dot(u, n);
        double[] foot = Vec.sub(u, Vec.scale(n, off));
        if (Vec.norm(foot) < 1e-15 || !withinArc(Vec.unit(foot), a, b, Vec.cross(a, b), false)) {
            return toEnds;
        }
        return Math.min(toEnds, Math.asin(Math.min(1, Math.abs(off))));
    }

    private static double angle(double[] u, double[] v) {
        return Math.atan2(Vec.norm(Vec.cross(u, v)), Vec.dot(u, v));
    }

    /**
     * The distance from point p to the great-ellipse edge ab: a coarse scan of the edge followed
     * by a golden-section search around the best sample.
     */
    private static double pointToEdge(double[] p, double[] a, double[] b) {
        final int samples = 16;
        int bestIndex = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= samples; i++) {
            double value = Geodesy.arcLength(p, alongChord(a, b, (double) i / samples));
            if (value < bestValue) {
                bestValue = value;
                bestIndex = i;
            }
        }
        double lo = Math.max(0, (bestIndex - 1.0) / samples);
        double hi = Math.min(1, (bestIndex + 1.0) / samples);
        double ratio = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - ratio * (hi - lo);
        double x2 = lo + ratio * (hi - lo);
        double f1 = Geodesy.arcLength(p, alongChord(a, b, x1));
        double f2 = Geodesy.arcLength(p, alongChord(a, b, x2));
        for (int i = 0; i < 80 && hi - lo > 1e-15; i++) {
            if (f1 < f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - ratio * (hi - lo);
                f1 = Geodesy.arcLength(p, alongChord(a, b, x1));
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + ratio * (hi - lo);
                f2 = Geodesy.arcLength(p, alongChord(a, b, x2));
            }
        }
        return Math.min(bestValue, Math.min(f1, f2));
    }

    /** The point of the edge ab at chord parameter t, projected onto the ellipsoid. */
    private static double[] alongChord(double[] a, double[] b, double t) {
        double[] v = {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])};
        double q = (v[0] * v[0] + v[1] * v[1]) / (Geodesy.A * Geodesy.A) + v[2] * v[2] / (Geodesy.B * Geodesy.B);
        return Vec.scale(v, 1 / Math.sqrt(q));
    }

    private static boolean samePlace(Position a, Position b) {
        return Vec.norm(Vec.sub(a.xyz(), b.xyz())) < 1e-6;
    }

    private static double[] unit(Position p) {
        return p.unit();
    }

    private static List<Polygon> polygons(Geometry g) {
        if (g instanceof Polygon p) {
            return List.of(p);
        }
        return g instanceof MultiPolygon m ? m.polygons() : List.of();
    }

    /** The geometry's positions, one list per point set, line or ring. */
    private static List<List<Position>> paths(Geometry g) {
        if (g instanceof Point p) {
            return List.of(List.of(p.position()));
        }
        if (g instanceof LineString l) {
            return List.of(l.positions());
        }
        List<List<Position>> out = new ArrayList<>();
        polygons(g).forEach(p -> out.addAll(p.rings()));
        return out;
    }

    private static List<Position> vertices(Geometry g) {
        List<Position> out = new ArrayList<>();
        paths(g).forEach(out::addAll);
        return out;
    }

    private static List<Position[]> edges(Geometry g) {
        List<Position[]> out = new ArrayList<>();
        paths(g).forEach(path -> addEdges(path, out));
        return out;
    }

    private static void addEdges(List<Position> ps, List<Position[]> out) {
        for (int i = 0; i + 1 < ps.size(); i++) {
            if (!ps.get(i).sameAs(ps.get(i + 1))) {
                out.add(new Position[] {ps.get(i), ps.get(i + 1)});
            }
        }
    }
}
