package org.parkatlas.web;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What the map page is told before it draws: the park, the basemap and the labelled catalogue. */
class MapConfigTest extends ParkAtlasServerTest {

    @Test
    void namesTheParkAndFramesIt() {
        JsonNode config = getJson("/api/map/config");
        assertThat(config.path("park").path("name").path("zh").asString()).isEqualTo("甘亭新型工业园区");
        JsonNode bbox = config.path("park").path("bbox");
        assertThat(bbox.get(0).asDouble()).isBetween(111.55, 111.70);
        assertThat(bbox.get(1).asDouble()).isBetween(36.13, 36.22);
        assertThat(bbox.get(2).asDouble()).isGreaterThan(bbox.get(0).asDouble());
        assertThat(config.path("basemaps").size()).as("no basemap unless configured").isZero();
        assertThat(config.path("basemap").asString()).isEqualTo("none");
    }

    @Test
    void listsEveryLayerWithLabelledAttributesAndValues() {
        JsonNode collections = getJson("/api/map/config").path("collections");
        assertThat(collections.size()).isEqualTo(10);
        JsonNode parcels = collections.get(5);
        assertThat(parcels.path("id").asString()).isEqualTo("parcels");
        assertThat(parcels.path("itemsUrl").asString()).isEqualTo("/ogcapi/collections/parcels/items");
        JsonNode status = null;
        for (JsonNode attribute : parcels.path("attributes")) {
            if (attribute.path("name").asString().equals("status")) {
                status = attribute;
            }
        }
        assertThat(status).isNotNull();
        assertThat(status.path("label").path("zh").asString()).isEqualTo("供地状态");
        assertThat(status.path("values").get(1).path("label").path("en").asString()).isEqualTo("Available");
    }

    @Test
    void servesTheMapPageAndLeafletFromTheServerItself() {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"map\"").doesNotContain("unpkg.com", "cdn.jsdelivr", "cdnjs");
        assertThat(get("/webjars/leaflet/dist/leaflet.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/leaflet/dist/leaflet.css").statusCode()).isEqualTo(200);
    }
}
