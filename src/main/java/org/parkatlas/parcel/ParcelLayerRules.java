package org.parkatlas.parcel;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.editing.LayerRules;
import org.parkatlas.editing.ParkView;
import org.parkatlas.editing.RuleViolation;
import org.parkatlas.feature.Feature;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parcel layer's part in the one write path: before a parcel is written, its zone and industrial park are worked
 * out from where it lies; after, it is checked by {@link TopologyCheck} against the park as the write leaves it.
 */
@Component
class ParcelLayerRules implements LayerRules {

    /**
     * Wide enough to find every road whose red line could reach the parcel: half of a 200 m red line, wider than any
     * road a park builds (the widest in the sample are 60 m).
     */
    private static final double ROAD_SEARCH_METRES = 100;

    private final TopologyCheck topology;

    ParcelLayerRules(ParcelRules settings) {
        this.topology = new TopologyCheck(settings);
    }

    @Override
    public boolean appliesTo(Layer layer) {
        return ParkLayer.PARCELS.is(layer);
    }

    @Override
    public Feature prepare(Layer layer, Feature feature, ParkView park) {
        Map<String, Object> properties = new LinkedHashMap<>(feature.properties());
        put(properties, "zone", ParcelLocation.largestShare(feature.geometry(), areas(park, ParkLayer.ZONES)));
        put(properties, "industrial_park", ParcelLocation.largestShare(feature.geometry(),
                areas(park, ParkLayer.INDUSTRIAL_PARKS)));
        return feature.withProperties(properties);
    }

    @Override
    public List<RuleViolation> check(Layer layer, Feature written, ParkView park) {
        Geometry parcel = written.geometry();
        Envelope near = new Envelope(parcel.getEnvelopeInternal());
        List<Surroundings.Neighbour> neighbours = park.within(ParkLayer.PARCELS, near).stream()
                .filter(f -> !f.id().equals(written.id()))
                .map(f -> new Surroundings.Neighbour(f.id(), text(f, "code"), f.geometry())).toList();
        near.expandBy(ROAD_SEARCH_METRES);
        List<Surroundings.Road> roads = park.within(ParkLayer.ROADS, near).stream()
                .map(f -> new Surroundings.Road(f.id(), text(f, "name"), text(f, "name_en"), (LineString) f.geometry(),
                        f.property("red_line_width_m") instanceof Number n ? n.doubleValue() : 0)).toList();
        List<Surroundings.Corridor> corridors = park.all(ParkLayer.CORRIDORS).stream()
                .filter(f -> "ecological".equals(f.property("kind")))
                .map(f -> new Surroundings.Corridor(f.id(), text(f, "name"), text(f, "name_en"), f.geometry()))
                .toList();
        return topology.check(parcel, new Surroundings(boundary(park).orElse(null), neighbours, roads, corridors));
    }

    @Override
    public Map<String, Label> ruleNames() {
        return ParcelRuleNames.ALL;
    }

    /** The park boundary as one geometry; none while the park has not drawn one. */
    private static Optional<Geometry> boundary(ParkView park) {
        return park.all(ParkLayer.PARK_BOUNDARY).stream().map(Feature::geometry).reduce(Geometry::union);
    }

    private static List<ParcelLocation.Area> areas(ParkView park, ParkLayer layer) {
        return park.all(layer).stream().filter(f -> f.property("code") != null)
                .map(f -> new ParcelLocation.Area(text(f, "code"), f.geometry())).toList();
    }

    private static void put(Map<String, Object> properties, String name, String value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.put(name, value);
        }
    }

    private static String text(Feature feature, String name) {
        Object value = feature.property(name);
        return value == null ? null : value.toString();
    }
}
