package org.parkatlas.ogcapi;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** OGC API Features Part 1 (Core, GeoJSON, OAS 3.0) as a client meets it, against the seeded Ganting park; run on each store. */
abstract class OgcApiCoreContract extends ParkAtlasServerTest {

    @Test
    void landingPageLinksToEverythingAndEveryLinkResolves() {
        JsonNode landing = getJson("/ogcapi");
        List<String> rels = new ArrayList<>();
        for (JsonNode link : landing.path("links")) {
            rels.add(link.path("rel").asString());
            assertThat(link.path("href").asString()).startsWith("http://localhost:" + port + "/ogcapi");
            assertThat(get(link.path("href").asString()).statusCode()).as(link.toString()).isEqualTo(200);
        }
        assertThat(rels).contains("self", "service-desc", "conformance", "data");
    }

    @Test
    void conformanceListsExactlyTheClassesImplemented() {
        List<String> classes = new ArrayList<>();
        getJson("/ogcapi/conformance").path("conformsTo").forEach(c -> classes.add(c.asString()));
        assertThat(classes).containsExactlyInAnyOrder(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
                "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
                "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
                "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/property-property",
                "http://www.opengis.net/spec/cql2/1.0/conf/arithmetic",
                "http://www.opengis.net/spec/cql2/1.0/conf/functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/array-functions",
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
                "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
                "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");
    }

    @Test
    void collectionsDescribeEveryLayerWithItsExtentAtGanting() {
        JsonNode collections = getJson("/ogcapi/collections").path("collections");
        List<String> ids = new ArrayList<>();
        for (JsonNode collection : collections) {
            ids.add(collection.path("id").asString());
            if (List.of("projects", "enterprises", "enterprise-figures").contains(collection.path("id").asString())) {
                // a catalogue without geometries: no extent, no tiles
                assertThat(collection.has("extent")).isFalse();
                assertThat(collection.path("links").toString()).doesNotContain("/tiles");
                continue;
            }
            JsonNode bbox = collection.path("extent").path("spatial").path("bbox").get(0);
            Envelope extent = new Envelope(bbox.get(0).asDouble(), bbox.get(2).asDouble(), bbox.get(1).asDouble(),
                    bbox.get(3).asDouble());
            assertThat(new Envelope(111.5, 111.75, 36.10, 36.25).contains(extent)).as(collection.path("id")
                    .asString()).isTrue();
            assertThat(collection.path("links").toString()).contains("\"rel\":\"items\"");
        }
        assertThat(ids).containsExactly("park-boundary", "corridors", "axes", "zones", "industrial-parks", "parcels",
                "roads", "utility-lines", "facilities", "factory-buildings", "projects",
                "enterprises", "enterprise-figures");
        assertThat(getJson("/ogcapi/collections/parcels").path("title").asString()).isEqualTo("地块（标准地）");
        HttpResponse<String> english = send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url("/ogcapi/collections/parcels"))).header("Accept-Language", "en").build());
        assertThat(JSON.readTree(english.body()).path("title").asString()).isEqualTo("Parcels (standard land)");
    }

    @Test
    void itemsAreGeoJsonWithCountsAndAStablePage() {
        HttpResponse<String> response = get("/ogcapi/collections/parcels/items");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        JsonNode page = JSON.readTree(response.body());
        assertThat(page.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(page.path("numberReturned").asInt()).isEqualTo(10);
        assertThat(page.path("numberMatched").asInt()).isGreaterThanOrEqualTo(150);
        JsonNode parcel = page.path("features").get(0);
        assertThat(parcel.path("id").isString()).isTrue();
        assertThat(parcel.path("geometry").path("type").asString()).isEqualTo("Polygon");
        double lon = parcel.path("geometry").path("coordinates").get(0).get(0).get(0).asDouble();
        assertThat(lon).as("CRS84 puts longitude first").isBetween(111.5, 111.75);
        assertThat(parcel.path("properties").path("area_mu").asDouble()).isPositive();
        assertThat(parcel.path("properties").path("area_m2").asDouble() / parcel.path("properties").path("area_mu")
                .asDouble()).isBetween(666.6, 666.7);
    }

    @Test
    void followingNextLinksVisitsEveryMatchingFeatureOnce() {
        assertEveryFeatureOnce("/ogcapi/collections/parcels/items?limit=37");
        assertEveryFeatureOnce("/ogcapi/collections/parcels/items?status=available&limit=13");
        assertEveryFeatureOnce("/ogcapi/collections/utility-lines/items?utility=sewer&limit=7&bbox=111.5,36.1,111.8,36.3");
    }

    private void assertEveryFeatureOnce(String start) {
        Set<String> seen = new HashSet<>();
        String next = start;
        long matched = -1;
        int pages = 0;
        while (next != null) {
            JsonNode page = getJson(next);
            matched = page.path("numberMatched").asLong();
            for (JsonNode feature : page.path("features")) {
                assertThat(seen.add(feature.path("id").asString())).as("seen once: " + feature.path("id")).isTrue();
            }
            next = null;
            for (JsonNode link : page.path("links")) {
                if (link.path("rel").asString().equals("next")) {
                    next = link.path("href").asString();
                }
            }
            assertThat(++pages).isLessThan(1000);
        }
        assertThat(seen).hasSize((int) matched);
        assertThat(matched).isPositive();
    }

    @Test
    void bboxSelectsWhatLiesInsideAndNothingOutsideThePark() {
        JsonNode all = getJson("/ogcapi/collections/parcels/items?limit=10000");
        JsonNode some = getJson("/ogcapi/collections/parcels/items?limit=10000&bbox=111.61,36.16,111.625,36.175");
        assertThat(some.path("numberMatched").asInt()).isPositive()
                .isLessThan(all.path("numberMatched").asInt());
        Envelope box = new Envelope(111.61, 111.625, 36.16, 36.175);
        for (JsonNode feature : some.path("features")) {
            Envelope bounds = new Envelope();
            feature.path("geometry").path("coordinates").get(0)
                    .forEach(c -> bounds.expandToInclude(c.get(0).asDouble(), c.get(1).asDouble()));
            assertThat(bounds.intersects(box)).as(feature.path("id").asString()).isTrue();
        }
        assertThat(getJson("/ogcapi/collections/parcels/items?bbox=100,30,100.1,30.1").path("numberMatched").asInt())
                .isZero();
    }

    @Test
    void propertyAndDatetimeFiltersNarrowTheAnswer() {
        JsonNode available = getJson("/ogcapi/collections/parcels/items?status=available&limit=10000");
        assertThat(available.path("numberMatched").asInt()).isPositive();
        available.path("features").forEach(f -> assertThat(f.path("properties").path("status").asString())
                .isEqualTo("available"));
        JsonNode early = getJson("/ogcapi/collections/roads/items?datetime=../2022-12-31&limit=10000");
        assertThat(early.path("numberMatched").asInt()).isPositive();
        early.path("features").forEach(f -> assertThat(f.path("properties").path("completion_date").asString())
                .isLessThanOrEqualTo("2022-12-31"));
        JsonNode gateways = getJson("/ogcapi/collections/roads/items?gateway=true");
        gateways.path("features").forEach(f -> assertThat(f.path("properties").path("gateway").asBoolean()).isTrue());
        assertThat(gateways.path("numberMatched").asInt()).isPositive();
    }

    @Test
    void oneFeatureWithItsEtagAndLinks() {
        String id = getJson("/ogcapi/collections/facilities/items?kind=sewage_plant").path("features").get(0)
                .path("id").asString();
        HttpResponse<String> response = get("/ogcapi/collections/facilities/items/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).isPresent();
        JsonNode plant = JSON.readTree(response.body());
        assertThat(plant.path("properties").path("name").asString()).isEqualTo("甘亭污水处理厂");
        assertThat(plant.path("links").toString()).contains("\"rel\":\"self\"", "\"rel\":\"collection\"");
    }

    @Test
    void aLimitAboveTheMaximumIsCappedNotRefused() {
        JsonNode page = getJson("/ogcapi/collections/parcels/items?limit=50000");
        assertThat(page.path("numberReturned").asInt()).isEqualTo(page.path("numberMatched").asInt());
        assertThat(page.path("links").toString()).contains("limit=10000");
    }

    @Test
    void theOpenApiDocumentIsSelfContainedAndServedFromTheLandingPage() {
        JsonNode api = getJson("/ogcapi/api");
        assertThat(api.path("openapi").asString()).startsWith("3.0");
        assertThat(api.path("servers").get(0).path("url").asString()).isEqualTo(url("/ogcapi"));
        assertThat(api.path("paths").has("/collections/parcels/items")).isTrue();
        assertThat(api.path("paths").has("/collections/utility-lines/items/{featureId}")).isTrue();
        List<String> refs = new ArrayList<>();
        collectRefs(api, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/components/");
            assertThat(api.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
        });
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
