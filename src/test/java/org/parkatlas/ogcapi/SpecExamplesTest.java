package org.parkatlas.ogcapi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example requests of OGC API Features Part 1 (17-069r4) and Part 3 (19-079r2, with CQL2 21-065r2) that apply to
 * our collections, replayed against the Ganting park. Property names of the examples are mapped to ours (the spec's
 * {@code buildings} are our {@code factory-buildings}, its {@code city} our facility {@code name} …); an example that
 * cannot apply (a bbox across the antimeridian, a custom function) must be refused with a clear 400, not a 500.
 */
class SpecExamplesTest extends ParkAtlasServerTest {

    @ParameterizedTest(name = "Part 1: {0}")
    @CsvSource(delimiter = '|', value = {
            "/ogcapi                                                                                  | 200",
            "/ogcapi/conformance                                                                      | 200",
            "/ogcapi/collections                                                                      | 200",
            "/ogcapi/collections/factory-buildings                                                    | 200",
            "/ogcapi/collections/factory-buildings/items                                              | 200",
            "/ogcapi/collections/factory-buildings/items?limit=10                                     | 200",
            "/ogcapi/collections/factory-buildings/items?bbox=111.60,36.15,111.65,36.19               | 200",
            "/ogcapi/collections/factory-buildings/items?bbox=111.60,36.15,0,111.65,36.19,100         | 200",
            "/ogcapi/collections/factory-buildings/items?bbox=160.6,-55.95,-170,-25.89                | 200",
            "/ogcapi/collections/factory-buildings/items?datetime=2018-02-12T23:20:50Z                | 200",
            "/ogcapi/collections/factory-buildings/items?datetime=2018-02-12T00:00:00Z/2018-03-18T12:31:12Z | 200",
            "/ogcapi/collections/factory-buildings/items?datetime=2018-02-12T00:00:00Z/..             | 200",
            "/ogcapi/collections/factory-buildings/items?datetime=../2018-03-18T12:31:12Z             | 200",
            "/ogcapi/collections/factory-buildings/items?limit=2&offset=2                             | 200",
            "/ogcapi/api                                                                              | 200",
    })
    void part1(String path, int status) {
        HttpResponse<String> response = get(path.trim());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status == 400) {
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        }
    }

    @ParameterizedTest(name = "Part 3 / CQL2 on {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // Basic CQL2
            "facilities | name='甘亭污水处理厂'                                                          | 200",
            "parcels    | area_mu-150.0 > 0                                                              | 200",
            "roads      | completion_date >= date('1970-01-01')                                          | 200",
            "roads      | geometry IS NOT NULL                                                           | 200",
            "parcels    | zone <> 'Z1' AND NOT (status = 'planned')                                      | 200",
            // Advanced comparison operators
            "roads      | name LIKE '南外环%'                                                             | 200",
            "parcels    | min_far BETWEEN 0.8 AND 1.0                                                    | 200",
            "facilities | kind IN ('sewage_plant','water_plant','substation')                             | 200",
            "facilities | kind NOT IN ('storm_outfall')                                                  | 200",
            // Case-insensitive comparison
            "roads      | CASEI(name_en) IN (CASEI('South Ring Road East Extension'), CASEI('CENTRAL AVENUE')) | 200",
            // Basic spatial functions
            "facilities | S_INTERSECTS(geometry, POINT(111.6007317 36.1583458))                           | 200",
            "parcels    | S_INTERSECTS(geometry, BBOX(111.61, 36.16, 111.62, 36.17))                      | 200",
            // Spatial functions
            "parcels    | S_WITHIN(geometry, BBOX(111.59, 36.15, 111.66, 36.19))                          | 200",
            "roads      | S_CROSSES(geometry, LINESTRING(111.60 36.17, 111.65 36.17))                     | 200",
            "parcels    | S_DISJOINT(geometry, POLYGON((111.61 36.16, 111.62 36.16, 111.62 36.17, 111.61 36.16))) | 200",
            "zones      | S_CONTAINS(geometry, POINT(111.62 36.17))                                      | 200",
            "parcels    | S_TOUCHES(geometry, POLYGON((111.61 36.16, 111.62 36.16, 111.62 36.17, 111.61 36.16))) | 200",
            "parcels    | S_OVERLAPS(geometry, POLYGON((111.61 36.16, 111.62 36.16, 111.62 36.17, 111.61 36.16))) | 200",
            "zones      | S_EQUALS(geometry, POINT(111.62 36.17))                                        | 200",
            // Temporal functions
            "roads      | T_INTERSECTS(completion_date, INTERVAL('1969-07-16T05:32:00Z', '2027-07-24T16:50:35Z')) | 200",
            "roads      | T_AFTER(completion_date, TIMESTAMP('2026-11-24T00:00:00Z'))                    | 200",
            "roads      | T_DURING(completion_date, INTERVAL('2017-06-10', '2021-06-11'))                | 200",
            // Property-property and arithmetic
            "parcels    | max_far > min_far                                                              | 200",
            "parcels    | area_m2 / 666.67 > 40 AND area_mu * 2 < 200                                    | 200",
            // Not applicable to our layers: a custom function and an array function
            "parcels    | avg(area_mu) < 4                                                               | 400",
            "parcels    | A_CONTAINS(layer_ids, ('layers-ca','layers-us'))                              | 400",
    })
    void part3(String collection, String filter, int status) {
        HttpResponse<String> response = get("/ogcapi/collections/" + collection.trim() + "/items?filter="
                + URLEncoder.encode(filter.trim(), StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(filter + " → " + response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        if (status == 200) {
            assertThat(body.path("type").asString()).isEqualTo("FeatureCollection");
        } else {
            assertThat(body.path("detail").asString()).isNotBlank();
        }
    }

    @ParameterizedTest(name = "Part 3 queryables of {0}")
    @CsvSource({"parcels", "roads", "facilities", "factory-buildings"})
    void queryables(String collection) {
        HttpResponse<String> response = get("/ogcapi/collections/" + collection + "/queryables");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/schema+json");
        JsonNode schema = JSON.readTree(response.body());
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("properties").has("geometry")).isTrue();
        assertThat(schema.path("properties").path("id").path("type").asString()).isEqualTo("string");
    }
}
