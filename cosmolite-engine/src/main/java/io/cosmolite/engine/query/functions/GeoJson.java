package io.cosmolite.engine.query.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * GeoJSON geometries as the spatial functions read them (Point, LineString, Polygon and
 * MultiPolygon, longitude first, WGS-84 degrees), with the validation ST_ISVALIDDETAILED reports.
 * Reasons use Cosmos DB's wording where it is known (the latitude range and the unclosed ring
 * messages are documented); the others follow the same style.
 */
final class GeoJson {
    private GeoJson() {}

    /**
     * A position: longitude and latitude in degrees, the point on the ellipsoid (ECEF metres) and
     * its geocentric direction (unit vector).
     */
    record Position(double lon, double lat, double[] xyz, double[] unit) {
        static Position of(double lon, double lat) {
            double[] xyz = Geodesy.ecef(lon, lat);
            return new Position(lon, lat, xyz, Vec.unit(xyz));
        }

        boolean sameAs(Position o) {
            return lon == o.lon && lat == o.lat;
        }
    }

    /** A parsed geometry. */
    sealed interface Geometry permits Point, LineString, Polygon, MultiPolygon {}

    /** A single position. */
    record Point(Position position) implements Geometry {}

    /** Two or more positions joined by great-ellipse edges. */
    record LineString(List<Position> positions) implements Geometry {}

    /**
     * An exterior ring followed by holes, each ring closed (first position equals last), with the
     * signed area of each ring (positive counter-clockwise, see {@link Geodesy#signedRingArea}).
     */
    record Polygon(List<List<Position>> rings, double[] signedAreas) implements Geometry {
        static Polygon of(List<List<Position>> rings) {
            double[] areas = new double[rings.size()];
            for (int i = 0; i < areas.length; i++) {
                List<Position> ring = rings.get(i);
                double[][] xyz = new double[ring.size()][];
                for (int j = 0; j < xyz.length; j++) {
                    xyz[j] = ring.get(j).xyz();
                }
                areas[i] = Geodesy.signedRingArea(xyz);
            }
            return new Polygon(rings, areas);
        }

        /** True when the exterior ring runs counter-clockwise, enclosing the smaller region. */
        boolean counterClockwise() {
            return signedAreas[0] >= 0;
        }
    }

    /** Polygons taken together. */
    record MultiPolygon(List<Polygon> polygons) implements Geometry {}

    /**
     * The outcome of reading a value: a geometry, or the reason it is not a valid one.
     *
     * @param geometry the geometry, null when invalid
     * @param reason   why the value is invalid, null when valid
     */
    record Parsed(Geometry geometry, String reason) {
        boolean valid() {
            return geometry != null;
        }
    }

    /** Reads a GeoJSON object; null when the value is not a JSON object at all. */
    static Parsed parse(JsonNode v) {
        if (v == null || !v.isObject()) {
            return null;
        }
        JsonNode type = v.get("type");
        JsonNode coords = v.get("coordinates");
        if (type == null || !type.isTextual()) {
            return invalid("The input is not a valid GeoJSON object: the 'type' property is missing.");
        }
        try {
            return switch (type.textValue()) {
                case "Point" -> new Parsed(new Point(position(coords)), null);
                case "LineString" -> new Parsed(lineString(coords), null);
                case "Polygon" -> new Parsed(polygon(coords), null);
                case "MultiPolygon" -> new Parsed(multiPolygon(coords), null);
                default -> invalid("The GeoJSON type '" + type.textValue() + "' is not supported.");
            };
        } catch (Invalid e) {
            return invalid(e.getMessage());
        }
    }

    private static Parsed invalid(String reason) {
        return new Parsed(null, reason);
    }

    /** A validation failure, carrying its reason. */
    private static final class Invalid extends Exception {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    private static Position position(JsonNode c) throws Invalid {
        if (c == null || !c.isArray() || c.size() < 2 || c.size() > 3) {
            throw new Invalid("A position must be an array of two or three numbers: longitude, latitude and optional altitude.");
        }
        for (JsonNode n : c) {
            if (!n.isNumber()) {
                throw new Invalid("A position must be an array of two or three numbers: longitude, latitude and optional altitude.");
            }
        }
        double lon = c.get(0).doubleValue();
        double lat = c.get(1).doubleValue();
        if (!(lat >= -90 && lat <= 90)) {
            throw new Invalid("Latitude values must be between -90 and 90 degrees.");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new Invalid("Longitude values must be between -180 and 180 degrees.");
        }
        return Position.of(lon, lat);
    }

    private static List<Position> positions(JsonNode c) throws Invalid {
        if (c == null || !c.isArray()) {
            throw new Invalid("The coordinates must be an array of positions.");
        }
        List<Position> out = new ArrayList<>(c.size());
        for (JsonNode p : c) {
            out.add(position(p));
        }
        return out;
    }

    private static LineString lineString(JsonNode c) throws Invalid {
        List<Position> ps = positions(c);
        if (distinctCount(ps) < 2) {
            throw new Invalid("The LineString input is not valid because it does not have enough distinct points. "
                    + "A LineString must have at least two distinct points.");
        }
        return new LineString(ps);
    }

    private static Polygon polygon(JsonNode c) throws Invalid {
        if (c == null || !c.isArray() || c.isEmpty()) {
            throw new Invalid("The Polygon input is not valid because it does not have any rings. "
                    + "A polygon must have at least one ring.");
        }
        List<List<Position>> rings = new ArrayList<>(c.size());
        for (int i = 0; i < c.size(); i++) {
            List<Position> ring = positions(c.get(i));
            int number = i + 1;
            if (ring.size() < 4 || distinctCount(ring) < 3) {
                throw new Invalid("The Polygon input is not valid because the ring number " + number
                        + " does not have enough points. Each ring of a polygon must contain at least four points.");
            }
            if (!ring.get(0).sameAs(ring.get(ring.size() - 1))) {
                throw new Invalid("The Polygon input is not valid because the start and end points of the ring number "
                        + number + " are not the same. Each ring of a polygon must have the same start and end points.");
            }
            rings.add(ring);
        }
        return Polygon.of(rings);
    }

    private static MultiPolygon multiPolygon(JsonNode c) throws Invalid {
        if (c == null || !c.isArray()) {
            throw new Invalid("The coordinates must be an array of polygons.");
        }
        List<Polygon> out = new ArrayList<>(c.size());
        for (JsonNode p : c) {
            out.add(polygon(p));
        }
        return new MultiPolygon(out);
    }

    private static int distinctCount(List<Position> ps) {
        List<Position> seen = new ArrayList<>();
        for (Position p : ps) {
            if (seen.stream().noneMatch(p::sameAs)) {
                seen.add(p);
                if (seen.size() >= 3) {
                    return 3;
                }
            }
        }
        return seen.size();
    }
}
