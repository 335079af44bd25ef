package org.parkatlas.exchange;

import org.parkatlas.problem.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.feature.Feature;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeoJsonFeatureReaderTest {

    private static final String SQUARE = "[[[111.62,36.17],[111.621,36.17],[111.621,36.171],[111.62,36.171],"
            + "[111.62,36.17]]]";
    private final Layer parcels = Catalog.standard().require("parcels");

    @Test
    void readsAParcelIntoTheStorageCrs() {
        Feature feature = readOne("{\"type\":\"Feature\",\"id\":\"p-1\",\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":" + SQUARE + "},\"properties\":{\"code\":\"GT-1\",\"land_use\":100101,"
                + "\"status\":\"available\",\"leveling\":\"done\",\"leveling_date\":\"2024-05-01\","
                + "\"min_far\":1.2,\"area_mu\":999}}");
        assertThat(feature.id()).isEqualTo("p-1");
        assertThat(feature.geometry().getCoordinate().x).isCloseTo(555_782, within(1.0));
        assertThat(feature.property("land_use")).isEqualTo("100101");
        assertThat(feature.property("leveling_date")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(feature.property("area_mu")).as("read as given: the write path computes it again")
                .isEqualTo(999.0);
    }

    @Test
    void errorsPointAtWhatIsWrong() {
        checkInvalid("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,"
                + "\"properties\":{}}]}", "/features/0/geometry", "needs a geometry");
        checkInvalid(collection("{\"type\":\"Polygon\",\"coordinates\":[[[111.62,36.17],[111.621,36.17],"
                + "[111.621,36.171],[111.62,36.17.5]]]}", "{}"), "", "not valid JSON");
        checkInvalid(collection("{\"type\":\"Polygon\",\"coordinates\":[[[111.62,36.17],[111.621,36.17],"
                + "[111.621,36.171],[111.62,36.1711]]]}", "{}"), "/features/0/geometry/coordinates/0",
                "must end where it starts");
        String ok = "\"code\":\"A\",\"land_use\":\"100101\",\"leveling\":\"done\"";
        checkInvalid(collection(polygon(), "{" + ok + ",\"status\":\"sold\"}"),
                "/features/0/properties/status", "use one of planned, available");
        checkInvalid(collection(polygon(), "{" + ok + "}"), "/features/0/properties/status", "is required");
        checkInvalid(collection(polygon(), "{" + ok + ",\"status\":\"available\",\"min_far\":\"high\"}"),
                "/features/0/properties/min_far", "must be a number");
        checkInvalid(collection(polygon(), "{" + ok + ",\"status\":\"available\",\"leveling_date\":\"2024-13-01\"}"),
                "/features/0/properties/leveling_date", "YYYY-MM-DD");
        checkInvalid(collection(polygon(), "{" + ok + ",\"status\":\"available\",\"colour\":\"red\"}"),
                "/features/0/properties/colour", "has no property \"colour\"");
        checkInvalid(collection(polygon(), "{" + ok + ",\"status\":\"available\",\"zone\":{\"code\":\"Z1\"}}"),
                "/features/0/properties/zone", "must be a string");
        checkInvalid(collection(polygon(), "{" + ok.replace("100101", "M1") + ",\"status\":\"available\"}"),
                "/features/0/properties/land_use", "use one of 1001, 100101");
        checkInvalid("{\"type\":\"Feature\"}", "/type", "FeatureCollection");
        checkInvalid(collection("{\"type\":\"LineString\",\"coordinates\":[[111.6,36.1],[200,36.1]]}", "{}"),
                "/features/0/geometry/coordinates", "outside longitude ±180° and latitude ±90°");
        checkInvalid(collection("{\"type\":\"Point\",\"coordinates\":[111.6," + "9".repeat(400) + "]}", "{}"),
                "/features/0/geometry/coordinates/1", "finite number");
    }

    private Feature readOne(String featureJson) {
        List<Feature> features = read("{\"type\":\"FeatureCollection\",\"features\":[" + featureJson + "]}");
        assertThat(features).hasSize(1);
        return features.get(0);
    }

    private List<Feature> read(String json) {
        return new GeoJsonFeatureReader(parcels, Crs.CRS84)
                .readCollection(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private void checkInvalid(String json, String pointer, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.pointer()).isEqualTo(pointer);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private static String polygon() {
        return "{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}";
    }

    private static String collection(String geometry, String properties) {
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"x\",\"geometry\":"
                + geometry + ",\"properties\":" + properties + "}]}";
    }
}
