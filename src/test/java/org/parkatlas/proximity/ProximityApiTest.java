package org.parkatlas.proximity;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.parkatlas.ParkAtlasServerTest;
import org.parkatlas.geojson.GeoJsonGeometry;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parcel's distances to the nearest gateway and sewage plant, checked against distances worked out here from the
 * layers themselves (read in EPSG:4546, metres), and usable in a filter as an investor's finder uses them.
 */
class ProximityApiTest extends ParkAtlasServerTest {

    private static final String METRES = "&crs=" + URLEncoder.encode("http://www.opengis.net/def/crs/EPSG/0/4546",
            StandardCharsets.UTF_8);

    @Test
    void distancesAreTheNearestGatewaysAndPlantsAndFilterable() {
        List<Geometry> gateways = geometries("/ogcapi/collections/roads/items?limit=10000&gateway=true" + METRES);
        List<Geometry> plants = geometries("/ogcapi/collections/facilities/items?limit=100&kind=sewage_plant" + METRES);
        assertThat(gateways).isNotEmpty();
        assertThat(plants).isNotEmpty();
        Set<String> nearGateway = new TreeSet<>();
        for (JsonNode parcel : getJson("/ogcapi/collections/parcels/items?limit=10000" + METRES).path("features")) {
            Geometry g = GeoJsonGeometry.read(parcel.path("geometry"), "/geometry");
            double gateway = gateways.stream().mapToDouble(g::distance).min().orElseThrow();
            double plant = plants.stream().mapToDouble(g::distance).min().orElseThrow();
            JsonNode p = parcel.path("properties");
            assertThat(p.path("gateway_distance_m").asDouble()).as(parcel.path("id").asString())
                    .isEqualTo((double) Math.round(gateway));
            assertThat(p.path("sewage_plant_distance_m").asDouble()).isEqualTo((double) Math.round(plant));
            if (Math.round(gateway) < 600) {
                nearGateway.add(parcel.path("id").asString());
            }
        }
        assertThat(nearGateway).isNotEmpty();
        Set<String> filtered = new TreeSet<>();
        getJson("/ogcapi/collections/parcels/items?limit=10000&filter=" + URLEncoder.encode("gateway_distance_m < 600",
                StandardCharsets.UTF_8)).path("features").forEach(f -> filtered.add(f.path("id").asString()));
        assertThat(filtered).isEqualTo(nearGateway);
        assertThat(getJson("/ogcapi/collections/parcels/queryables").path("properties").has("substation_distance_m"))
                .isTrue();
    }

    private List<Geometry> geometries(String path) {
        List<Geometry> found = new ArrayList<>();
        getJson(path).path("features").forEach(f -> found.add(GeoJsonGeometry.read(f.path("geometry"), "/geometry")));
        return found;
    }
}
