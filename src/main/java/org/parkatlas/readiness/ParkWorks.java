package org.parkatlas.readiness;

import org.locationtech.jts.geom.Geometry;
import org.parkatlas.network.NetworkLine;
import org.parkatlas.network.NetworkSource;

import java.time.LocalDate;
import java.util.List;

/**
 * What readiness is computed from, in metres (EPSG:4546): the parcels, the roads, the utility lines and the
 * facilities. Built from the store by {@link ReadinessService}; tests build small ones by hand.
 */
record ParkWorks(List<Parcel> parcels, List<Road> roads, List<UtilityLine> lines, List<Facility> facilities) {

    public ParkWorks {
        parcels = List.copyOf(parcels);
        roads = List.copyOf(roads);
        lines = List.copyOf(lines);
        facilities = List.copyOf(facilities);
    }

    /** A parcel and what its leveling (一平) depends on. */
    public record Parcel(String id, String code, Geometry geometry, String leveling, LocalDate levelingDate) {
    }

    /** A road segment; a gateway road's ends are where traffic enters the park. */
    public record Road(NetworkLine line, double redLineWidth, boolean gateway) {
    }

    public record UtilityLine(NetworkLine line, String utility) {
    }

    public record Facility(NetworkSource source, String kind) {
    }
}
