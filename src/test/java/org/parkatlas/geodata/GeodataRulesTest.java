package org.parkatlas.geodata;

import org.parkatlas.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.feature.Feature;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Ganting sample in geodata/ obeys the rules it promises: every file reads cleanly against the catalogue, parcels
 * neither overlap nor cross the boundary or a road's red line, the named roads and the sewage plant are there, and
 * every utility network is connected to its source through shared vertices. Checked in EPSG:4546, in metres.
 */
class GeodataRulesTest {

    private static final Catalog CATALOG = Catalog.standard();
    private static final Map<String, List<Feature>> DATA = new LinkedHashMap<>();

    @BeforeAll
    static void readEveryFile() throws IOException {
        for (Layer layer : CATALOG.layers()) {
            Path file = Path.of("geodata", layer.id() + ".geojson");
            assertThat(file).as("geodata file for " + layer.id()).exists();
            DATA.put(layer.id(), SampleData.of(layer));
        }
    }

    @Test
    void everyFeatureHasAUniqueId() {
        DATA.forEach((layer, features) -> {
            assertThat(features).as(layer).isNotEmpty();
            assertThat(features).extracting(Feature::id).as(layer).doesNotContainNull().doesNotHaveDuplicates();
        });
    }

    @Test
    void theParkLiesAtGantingEastOfTheFenRiverNorthOfTheAirport() {
        assertThat(DATA.get("park-boundary")).hasSize(1);
        Geometry boundary = boundary();
        Coordinate centre = Reprojector.transform(boundary.getCentroid().getCoordinate(), Crs.CGCS2000_GK_CM_111E,
                Crs.CRS84);
        assertThat(centre.distance(new Coordinate(111.62, 36.17))).as("centre %s", centre).isLessThan(0.04);
        Coordinate southWest = Reprojector.transform(new Coordinate(boundary.getEnvelopeInternal().getMinX(),
                boundary.getEnvelopeInternal().getMinY()), Crs.CGCS2000_GK_CM_111E, Crs.CRS84);
        assertThat(southWest.y).as("south edge, the airport is at 36.131°N").isGreaterThan(36.150);
        assertThat(southWest.x).as("west edge, the Fen River runs west of the park").isGreaterThan(111.57);
    }

    @Test
    void the233StructureAndTheFiveParks() {
        Geometry boundary = boundary();
        List<Feature> zones = DATA.get("zones");
        assertThat(zones).hasSize(3);
        assertNoOverlaps(zones, 1.0);
        double zoneArea = zones.stream().mapToDouble(z -> z.geometry().getArea()).sum();
        assertThat(zoneArea / boundary.getArea()).as("the three zones tile the park").isBetween(0.99, 1.01);
        assertThat(DATA.get("corridors")).hasSize(2);
        assertThat(DATA.get("corridors")).extracting(f -> f.property("kind")).contains("ecological");
        assertThat(DATA.get("axes")).hasSize(3);
        List<Feature> parks = DATA.get("industrial-parks");
        assertThat(parks).extracting(f -> f.property("industry")).containsExactlyInAnyOrder(
                "green_smart_manufacturing", "optoelectronic_materials", "new_energy", "energy_saving_environmental",
                "digital_economy");
        assertNoOverlaps(parks, 1.0);
        Map<Object, Geometry> zoneByCode = zones.stream().collect(Collectors.toMap(z -> z.property("code"),
                Feature::geometry));
        for (Feature park : parks) {
            assertThat(zoneByCode.get(park.property("zone")).buffer(1.0).covers(park.geometry()))
                    .as(park.id() + " inside its zone " + park.property("zone")).isTrue();
        }
    }

    @Test
    void parcelsFormACleanLayerInsideTheParkAndClearOfRoads() {
        List<Feature> parcels = DATA.get("parcels");
        assertThat(parcels.size()).isGreaterThanOrEqualTo(150);
        assertNoOverlaps(parcels, 0.1);
        Geometry boundary = boundary().buffer(0.01);
        STRtree redLines = new STRtree();
        for (Feature road : DATA.get("roads")) {
            Geometry corridor = road.geometry().buffer((Double) road.property("red_line_width_m") / 2);
            redLines.insert(corridor.getEnvelopeInternal(), new Object[]{road.id(), corridor});
        }
        for (Feature parcel : parcels) {
            assertThat(boundary.covers(parcel.geometry())).as(parcel.id() + " inside the park").isTrue();
            for (Object hit : redLines.query(parcel.geometry().getEnvelopeInternal())) {
                Object[] road = (Object[]) hit;
                assertThat(parcel.geometry().intersection((Geometry) road[1]).getArea())
                        .as(parcel.id() + " clear of the red line of " + road[0]).isLessThan(0.01);
            }
        }
    }

    @Test
    void parcelsCoverEveryStatusLevelingStateAndPlausibleIndicators() {
        List<Feature> parcels = DATA.get("parcels");
        assertThat(parcels).extracting(p -> p.property("status")).contains("planned", "available", "reserved",
                "transferred", "in_use");
        assertThat(parcels).extracting(p -> p.property("leveling")).contains("done", "in_progress", "not_started");
        for (Feature p : parcels) {
            checkRange(p, "min_investment_wan_per_mu", 150, 300);
            checkRange(p, "min_tax_wan_per_mu", 8, 20);
            checkRange(p, "min_output_wan_per_mu", 250, 400);
            checkRange(p, "min_far", 0.5, 1.8);
            checkRange(p, "max_far", 0.7, 2.5);
            checkRange(p, "max_building_density", 30, 70);
            checkRange(p, "max_green_ratio", 0, 20);
            checkRange(p, "max_admin_ratio", 0, 7);
            if (p.property("min_far") != null && p.property("max_far") != null) {
                assertThat((Double) p.property("max_far")).as(p.id()).isGreaterThan((Double) p.property("min_far"));
            }
            if ("done".equals(p.property("leveling"))) {
                assertThat(p.property("leveling_date")).as(p.id() + " leveled when").isNotNull();
            }
            assertThat((Double) p.property("area_mu")).as(p.id() + " area").isBetween(5.0, 400.0);
        }
    }

    @Test
    void theNamedRoadsWithTheirPhasesAndGatewaysAtTheEdge() {
        List<Feature> roads = DATA.get("roads");
        assertThat(statusOf(roads, "南外环东延")).isEqualTo("existing");
        assertThat(statusOf(roads, "中央大道西延")).isEqualTo("under_construction");
        assertThat(statusOf(roads, "南外环西延")).isEqualTo("planned");
        assertThat(roads).extracting(r -> r.property("status")).contains("existing", "under_construction", "planned");
        Geometry edge = boundary().getBoundary();
        List<Feature> gateways = roads.stream().filter(r -> Boolean.TRUE.equals(r.property("gateway"))).toList();
        assertThat(gateways).isNotEmpty();
        for (Feature gateway : gateways) {
            LineString line = (LineString) gateway.geometry();
            double toEdge = Math.min(edge.distance(line.getStartPoint()), edge.distance(line.getEndPoint()));
            assertThat(toEdge).as(gateway.id() + " ends at the park's edge").isLessThan(1.0);
        }
        for (Feature road : roads) {
            LocalDate done = (LocalDate) road.property("completion_date");
            if (done != null && !"existing".equals(road.property("status"))) {
                assertThat(done).as(road.id() + " is still to be finished").isAfter(LocalDate.of(2025, 1, 1));
            }
        }
    }

    @Test
    void theGantingSewagePlantAndASourceForEveryUtility() {
        List<Feature> facilities = DATA.get("facilities");
        assertThat(facilities).anySatisfy(f -> {
            assertThat(f.property("name")).isEqualTo("甘亭污水处理厂");
            assertThat(f.property("kind")).isEqualTo("sewage_plant");
        });
        assertThat(facilities).extracting(f -> f.property("kind")).contains("sewage_plant", "water_plant",
                "storm_outfall", "substation", "gas_station", "heat_source", "telecom_exchange");
    }

    @Test
    void everyUtilityNetworkIsConnectedToItsSourceThroughSharedVertices() {
        Map<String, String> sourceOf = Map.of("water", "water_plant", "sewer", "sewage_plant", "storm",
                "storm_outfall", "power", "substation", "gas", "gas_station", "heat", "heat_source",
                "telecom", "telecom_exchange", "broadband", "telecom_exchange");
        Map<Object, List<Feature>> byUtility = DATA.get("utility-lines").stream()
                .collect(Collectors.groupingBy(l -> l.property("utility")));
        assertThat(byUtility.keySet()).containsExactlyInAnyOrderElementsOf(sourceOf.keySet());
        byUtility.forEach((utility, lines) -> {
            VertexGraph graph = new VertexGraph();
            lines.forEach(line -> graph.addLine(line.geometry().getCoordinates()));
            List<Feature> sources = DATA.get("facilities").stream()
                    .filter(f -> f.property("kind").equals(sourceOf.get(utility))).toList();
            assertThat(sources).as(utility + " source").isNotEmpty();
            Set<Integer> sourceComponents = new HashSet<>();
            for (Feature source : sources) {
                Integer component = graph.componentAt(source.geometry().getCoordinate());
                assertThat(component).as(source.id() + " stands on a vertex of the " + utility + " network")
                        .isNotNull();
                sourceComponents.add(component);
            }
            for (Feature line : lines) {
                assertThat(sourceComponents).as(line.id() + " (" + line.property("name") + ") reaches a "
                        + sourceOf.get(utility)).contains(graph.componentAt(line.geometry().getCoordinate()));
            }
        });
    }

    @Test
    void factoryBuildingsStandInsideTheirParcels() {
        Map<Object, Geometry> parcelByCode = DATA.get("parcels").stream()
                .collect(Collectors.toMap(p -> p.property("code"), Feature::geometry));
        for (Feature building : DATA.get("factory-buildings")) {
            Geometry parcel = parcelByCode.get(building.property("parcel_code"));
            assertThat(parcel).as(building.id() + " names a parcel").isNotNull();
            assertThat(parcel.covers(building.geometry())).as(building.id() + " inside its parcel").isTrue();
        }
    }

    private static Geometry boundary() {
        return DATA.get("park-boundary").get(0).geometry();
    }

    private static Object statusOf(List<Feature> roads, String name) {
        List<Object> statuses = roads.stream().filter(r -> name.equals(r.property("name")))
                .map(r -> r.property("status")).distinct().toList();
        assertThat(statuses).as("road " + name).hasSize(1);
        return statuses.get(0);
    }

    private static void checkRange(Feature parcel, String property, double min, double max) {
        Object value = parcel.property(property);
        if (value != null) {
            assertThat((Double) value).as(parcel.id() + " " + property).isBetween(min, max);
        }
    }

    private static void assertNoOverlaps(List<Feature> features, double toleranceM2) {
        STRtree index = new STRtree();
        features.forEach(f -> index.insert(f.geometry().getEnvelopeInternal(), f));
        for (Feature a : features) {
            for (Object hit : index.query(a.geometry().getEnvelopeInternal())) {
                Feature b = (Feature) hit;
                if (a.id().compareTo(b.id()) < 0) {
                    assertThat(a.geometry().intersection(b.geometry()).getArea())
                            .as(a.id() + " overlaps " + b.id()).isLessThan(toleranceM2);
                }
            }
        }
    }

    /** Union-find over line vertices, keyed to the centimetre: lines connect where they share a vertex. */
    private static final class VertexGraph {
        private final Map<String, Integer> vertexIds = new HashMap<>();
        private final Map<Integer, Integer> parent = new HashMap<>();

        void addLine(Coordinate[] coordinates) {
            int first = id(coordinates[0]);
            for (Coordinate c : coordinates) {
                union(first, id(c));
            }
        }

        Integer componentAt(Coordinate c) {
            Integer id = vertexIds.get(key(c));
            return id == null ? null : find(id);
        }

        private int id(Coordinate c) {
            return vertexIds.computeIfAbsent(key(c), k -> {
                int id = vertexIds.size();
                parent.put(id, id);
                return id;
            });
        }

        private static String key(Coordinate c) {
            return Math.round(c.x * 100) + ":" + Math.round(c.y * 100);
        }

        private int find(int id) {
            while (parent.get(id) != id) {
                id = parent.get(id);
            }
            return id;
        }

        private void union(int a, int b) {
            parent.put(find(a), find(b));
        }
    }
}
