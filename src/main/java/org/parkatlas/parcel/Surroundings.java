package org.parkatlas.parcel;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

import java.util.List;

/**
 * What a parcel is checked against, in metres (EPSG:4546): the park boundary (null while the park has none), the
 * other parcels near it (not the ones it replaces), the roads near it, and the ecological corridors.
 */
record Surroundings(Geometry boundary, List<Neighbour> neighbours, List<Road> roads,
                           List<Corridor> corridors) {

    public Surroundings {
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
        roads = roads == null ? List.of() : List.copyOf(roads);
        corridors = corridors == null ? List.of() : List.copyOf(corridors);
    }

    /** A neighbouring parcel. */
    public record Neighbour(String id, String code, Geometry geometry) {

        String label() {
            return code == null ? id : code;
        }
    }

    /** A road with its red-line width; {@code nameEn} may be null. */
    public record Road(String id, String name, String nameEn, LineString centreline, double redLineWidth) {

        public Road(String id, String name, LineString centreline, double redLineWidth) {
            this(id, name, null, centreline, redLineWidth);
        }

        /** The red-line corridor: the centreline buffered by half the red-line width. */
        Geometry redLine() {
            return centreline.buffer(redLineWidth / 2);
        }

        String englishName() {
            return nameEn == null || nameEn.isBlank() ? name : nameEn;
        }
    }

    /** An ecological corridor (生态廊道), land that is not to be built on. */
    public record Corridor(String id, String name, String nameEn, Geometry area) {

        String englishName() {
            return nameEn == null || nameEn.isBlank() ? name : nameEn;
        }
    }
}
