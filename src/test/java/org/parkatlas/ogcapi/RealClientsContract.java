package org.parkatlas.ogcapi;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What GIS clients rely on and found missing (issue 12): every feature carries every property (an empty one as
 * null, or QGIS and GDAL, which build their fields from the first page, drop the column); the features' schema is
 * linked as describedby; properties and skipGeometry select; a bbox across the antimeridian is two boxes.
 */
public abstract class RealClientsContract extends ParkAtlasServerTest {

    @Test
    void everyFeatureCarriesEveryPropertyAndAnEmptyOneAsNull() {
        JsonNode page = getJson("/ogcapi/collections/parcels/items?limit=1000");
        Set<String> expected = new HashSet<>();
        getJson("/ogcapi/collections/parcels/schema").path("properties").propertyNames().forEach(expected::add);
        expected.removeAll(Set.of("id", "geometry"));
        assertThat(expected).contains("industrial_park", "reference_price_wan_per_mu", "ready_date",
                "regional_assessments").doesNotContain("buyer", "notes");
        int withoutPark = 0;
        for (JsonNode feature : page.path("features")) {
            Set<String> names = new HashSet<>();
            feature.path("properties").propertyNames().forEach(names::add);
            assertThat(names).as(feature.path("id").asString()).isEqualTo(expected);
            if (feature.path("properties").path("industrial_park").isNull()) {
                withoutPark++;
            }
        }
        assertThat(withoutPark).as("parcels outside the five parks say so with a null").isPositive();
    }

    @Test
    void aBrowserGetsPagesAndEveryOtherClientJson() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String path : List.of("/ogcapi", "/ogcapi/collections", "/ogcapi/collections/parcels",
                "/ogcapi/collections/parcels/items?limit=3", "/ogcapi/collections/parcels/items/parcel-0004")) {
            var page = get(path, browser);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
            assertThat(page.body()).contains("/js/ogcapi/browse.js");
            var json = get(path, "*/*");
            assertThat(json.headers().firstValue("Content-Type").orElseThrow()).as(path).contains("json");
        }
        assertThat(get("/ogcapi/collections?f=html", "application/json").headers().firstValue("Content-Type")
                .orElseThrow()).as("f=html wins").startsWith("text/html");
        assertThat(get("/ogcapi/collections?f=json", browser).headers().firstValue("Content-Type").orElseThrow())
                .as("and f=json too").contains("json");
        assertThat(get("/ogcapi/api", browser).headers().firstValue("Content-Type").orElseThrow())
                .as("the OpenAPI document stays itself").contains("json");
    }

    @Test
    void theCollectionLinksItsSchema() {
        JsonNode links = getJson("/ogcapi/collections/roads").path("links");
        List<String> described = new ArrayList<>();
        for (JsonNode link : links) {
            if (link.path("rel").asString().equals("describedby")) {
                described.add(link.path("href").asString());
                assertThat(link.path("type").asString()).isEqualTo("application/schema+json");
            }
        }
        assertThat(described).singleElement().asString().endsWith("/ogcapi/collections/roads/schema");
        JsonNode schema = getJson("/ogcapi/collections/roads/schema");
        assertThat(schema.path("properties").path("red_line_width_m").path("type").asString()).isEqualTo("number");
        assertThat(schema.path("properties").path("geometry").path("x-ogc-role").asString())
                .isEqualTo("primary-geometry");
    }

    @Test
    void theDistanceFunctionIsDocumentedWhereClientsLookForIt() {
        JsonNode functions = getJson("/ogcapi/functions").path("functions");
        JsonNode dwithin = null;
        for (JsonNode f : functions) {
            if (f.path("name").asString().equals("S_DWITHIN")) {
                dwithin = f;
            }
        }
        assertThat(dwithin).isNotNull();
        assertThat(dwithin.path("arguments").size()).isEqualTo(3);
        assertThat(dwithin.path("description").asString()).contains("EPSG:4546", "metres");
        assertThat(getJson("/ogcapi/conformance").path("conformsTo").toString())
                .contains("http://www.opengis.net/spec/cql2/1.0/conf/functions");
        boolean linked = false;
        for (JsonNode link : getJson("/ogcapi").path("links")) {
            linked |= link.path("rel").asString().equals("http://www.opengis.net/def/rel/ogc/1.0/functions");
        }
        assertThat(linked).as("the landing page links it").isTrue();
    }

    @Test
    void propertiesAndSkipGeometrySelectWhatComesBack() {
        JsonNode page = getJson("/ogcapi/collections/parcels/items?limit=5&properties=code,area_mu&skipGeometry=true");
        for (JsonNode feature : page.path("features")) {
            Set<String> names = new HashSet<>();
            feature.path("properties").propertyNames().forEach(names::add);
            assertThat(names).containsExactlyInAnyOrder("code", "area_mu");
            assertThat(feature.path("geometry").isNull()).isTrue();
        }
        JsonNode kept = getJson("/ogcapi/collections/parcels/items?limit=1&skipGeometry=false&properties=ready_date");
        assertThat(kept.path("features").get(0).path("geometry").path("type").asString()).isEqualTo("Polygon");
        assertThat(kept.path("features").get(0).path("properties").has("ready_date")).isTrue();
        JsonNode one = getJson("/ogcapi/collections/parcels/items/parcel-0004?properties=code");
        assertThat(one.path("properties").size()).isEqualTo(1);
        assertThat(getInEnglish("/ogcapi/collections/parcels/items?properties=buyer").statusCode())
                .as("an internal attribute is no property to the public").isEqualTo(400);
        assertThat(getInEnglish("/ogcapi/collections/parcels/items?skipGeometry=maybe").statusCode()).isEqualTo(400);
    }

    /** What GDAL 3.6 sends for ogr2ogr -where, in the cql-text alias only; strict CQL2 still says it is wrong. */
    @Test
    void gdalsOwnFormsAreTakenInItsCqlTextAliasOnly() {
        assertThat(matched("standard_land = 1", "cql-text")).isEqualTo(matched("standard_land = TRUE", null))
                .isPositive();
        assertThat(matched("standard_land = 0", "cql-text")).isEqualTo(matched("standard_land = FALSE", null));
        assertThat(matched("leveling_date > '2025-01-01T'", "cql-text"))
                .isEqualTo(matched("leveling_date > DATE('2025-01-01')", null)).isPositive();
        assertThat(matched("code ILIKE 'gt-z1-00%'", "cql-text"))
                .isEqualTo(matched("CASEI(code) LIKE CASEI('GT-Z1-00%')", null)).isEqualTo(9);
        assertThat(matched("(code ILIKE 'gt-z2%') AND (status = 'available')", "cql-text"))
                .isEqualTo(matched("CASEI(code) LIKE CASEI('gt-z2%') AND status = 'available'", null));
        assertThat(getInEnglish("/ogcapi/collections/parcels/items?filter=" + encode("standard_land = 1"))
                .statusCode()).as("strict CQL2 is unchanged").isEqualTo(400);
        assertThat(getInEnglish("/ogcapi/collections/parcels/items?filter=" + encode("code ILIKE 'a'"))
                .statusCode()).isEqualTo(400);
    }

    private long matched(String filter, String language) {
        return getJson("/ogcapi/collections/parcels/items?limit=1&filter=" + encode(filter)
                + (language == null ? "" : "&filter-lang=" + language)).path("numberMatched").asLong();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aBboxAcrossTheAntimeridianIsTwoBoxes() {
        JsonNode far = getJson("/ogcapi/collections/parcels/items?bbox=177,65,-177,70");
        assertThat(far.path("numberMatched").asLong()).as("nothing of the park near the date line").isZero();
        long eastOfHalfway = getJson("/ogcapi/collections/parcels/items?limit=1&bbox=111.62,36.15,180,36.2")
                .path("numberMatched").asLong();
        long across = getJson("/ogcapi/collections/parcels/items?limit=1&bbox=111.62,36.15,-179,36.2")
                .path("numberMatched").asLong();
        assertThat(eastOfHalfway).isPositive();
        assertThat(across).as("111.62°E eastwards across 180° to 179°W holds the same parcels")
                .isEqualTo(eastOfHalfway);
        assertThat(getInEnglish("/ogcapi/collections/parcels/items?bbox=4000000,560000,4010000,550000&bbox-crs="
                + "http://www.opengis.net/def/crs/EPSG/0/4546").statusCode()).as("projected: west > east is a mistake")
                .isEqualTo(400);
    }
}
