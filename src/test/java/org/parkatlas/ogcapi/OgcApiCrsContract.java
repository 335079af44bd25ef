package org.parkatlas.ogcapi;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** OGC API Features Part 2: answers and bboxes in every supported CRS, each in its own axis order. */
abstract class OgcApiCrsContract extends ParkAtlasServerTest {

    private static final String PLANT = "/ogcapi/collections/facilities/items?kind=sewage_plant";

    @Test
    void collectionsListTheirCrsAndStorageCrs() {
        JsonNode parcels = getJson("/ogcapi/collections/parcels");
        assertThat(parcels.path("crs").toString()).contains("http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                "http://www.opengis.net/def/crs/EPSG/0/4326", "http://www.opengis.net/def/crs/EPSG/0/4490",
                "http://www.opengis.net/def/crs/EPSG/0/4546", "http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(parcels.path("storageCrs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4546");
    }

    @Test
    void theSameFeatureInEveryCrsWithItsAxisOrder() {
        double[] crs84 = plant(null);
        assertThat(crs84[0]).as("CRS84: longitude first").isBetween(111.5, 111.7);
        double[] wgs84 = plant("http://www.opengis.net/def/crs/EPSG/0/4326");
        assertThat(wgs84[0]).as("EPSG:4326: latitude first").isCloseTo(crs84[1], within(1e-7));
        assertThat(wgs84[1]).isCloseTo(crs84[0], within(1e-7));
        double[] cgcs2000 = plant("http://www.opengis.net/def/crs/EPSG/0/4490");
        assertThat(cgcs2000[0]).as("EPSG:4490: latitude first").isCloseTo(crs84[1], within(1e-7));
        double[] gaussKruger = plant("http://www.opengis.net/def/crs/EPSG/0/4546");
        assertThat(gaussKruger[0]).as("EPSG:4546: northing first").isBetween(3_990_000.0, 4_020_000.0);
        assertThat(gaussKruger[1]).as("then easting, false easting 500 000").isBetween(540_000.0, 570_000.0);
        double[] webMercator = plant("http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(webMercator[0]).as("EPSG:3857: x first").isCloseTo(crs84[0] * 20037508.34 / 180, within(1.0));
    }

    @Test
    void theAnswerSaysItsCrs() {
        HttpResponse<String> response = get(PLANT + "&crs=" + encode("http://www.opengis.net/def/crs/EPSG/0/4546"));
        assertThat(response.headers().firstValue("Content-Crs"))
                .contains("<http://www.opengis.net/def/crs/EPSG/0/4546>");
        assertThat(get(PLANT).headers().firstValue("Content-Crs"))
                .contains("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        String id = getJson(PLANT).path("features").get(0).path("id").asString();
        assertThat(get("/ogcapi/collections/facilities/items/" + id + "?crs=" + encode("[EPSG:4490]")).headers()
                .firstValue("Content-Crs")).contains("<http://www.opengis.net/def/crs/EPSG/0/4490>");
    }

    @Test
    void aBboxInAnyCrsSelectsTheSameFeatures() {
        double[] plant = plant(null);
        String crs84 = (plant[0] - 0.001) + "," + (plant[1] - 0.001) + "," + (plant[0] + 0.001) + ","
                + (plant[1] + 0.001);
        String latLon = (plant[1] - 0.001) + "," + (plant[0] - 0.001) + "," + (plant[1] + 0.001) + ","
                + (plant[0] + 0.001);
        double[] ne = plant("http://www.opengis.net/def/crs/EPSG/0/4546");
        String northEast = (ne[0] - 100) + "," + (ne[1] - 100) + "," + (ne[0] + 100) + "," + (ne[1] + 100);
        String base = "/ogcapi/collections/facilities/items?bbox=";
        String expected = ids(getJson(base + crs84));
        assertThat(expected).contains(getJson(PLANT).path("features").get(0).path("id").asString());
        assertThat(ids(getJson(base + latLon + "&bbox-crs=" + encode("http://www.opengis.net/def/crs/EPSG/0/4326"))))
                .isEqualTo(expected);
        assertThat(ids(getJson(base + northEast + "&bbox-crs=" + encode("http://www.opengis.net/def/crs/EPSG/0/4546"))))
                .isEqualTo(expected);
    }

    @Test
    void anUnsupportedCrsIsABadRequest() {
        HttpResponse<String> response = getInEnglish(PLANT + "&crs=" + encode(
                "http://www.opengis.net/def/crs/EPSG/0/2382"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains("not a CRS ParkAtlas supports");
        assertThat(get(PLANT + "&bbox-crs=" + encode("EPSG:9999") + "&bbox=1,2,3,4").statusCode()).isEqualTo(400);
        assertThat(get(PLANT + "&bbox-crs=" + encode("EPSG:4326")).statusCode()).as("bbox-crs without a bbox")
                .isEqualTo(400);
    }

    private double[] plant(String crs) {
        JsonNode point = getJson(PLANT + (crs == null ? "" : "&crs=" + encode(crs))).path("features").get(0)
                .path("geometry").path("coordinates");
        return new double[]{point.get(0).asDouble(), point.get(1).asDouble()};
    }

    private static String ids(JsonNode page) {
        StringBuilder ids = new StringBuilder();
        page.path("features").forEach(f -> ids.append(f.path("id").asString()).append(' '));
        return ids.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
