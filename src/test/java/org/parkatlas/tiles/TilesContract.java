package org.parkatlas.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vector tiles decode to the features and attributes the items API gives (derived ones included, internal ones only
 * for staff), on both stores; an edit is in the very next tile; the tile matrix set and tilesets describe themselves;
 * a tile that is not there is a 404 and a malformed one a 400.
 */
public abstract class TilesContract extends ParkAtlasServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The deepest tile that holds the whole park, from the park boundary's extent. */
    private int[] parkTile() {
        JsonNode boundary = getJson("/ogcapi/collections/park-boundary/items").path("features").get(0);
        double minLon = 180;
        double maxLon = -180;
        double minLat = 90;
        double maxLat = -90;
        for (JsonNode ring : boundary.path("geometry").path("coordinates")) {
            for (JsonNode p : ring) {
                minLon = Math.min(minLon, p.get(0).asDouble());
                maxLon = Math.max(maxLon, p.get(0).asDouble());
                minLat = Math.min(minLat, p.get(1).asDouble());
                maxLat = Math.max(maxLat, p.get(1).asDouble());
            }
        }
        for (int z = 18; z >= 0; z--) {
            int x0 = column(minLon, z);
            int x1 = column(maxLon, z);
            int y0 = row(maxLat, z);
            int y1 = row(minLat, z);
            if (x0 == x1 && y0 == y1) {
                return new int[]{z, y0, x0};
            }
        }
        throw new AssertionError("no tile holds the park");
    }

    private static int column(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    private static int row(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    @Test
    void aTileHoldsTheFeaturesAndAttributesTheItemsApiGives() throws Exception {
        int[] t = parkTile();
        for (String collection : List.of("parcels", "roads", "facilities", "zones")) {
            HttpResponse<byte[]> tile = tile("/ogcapi/collections/" + collection + "/tiles/WebMercatorQuad/" + t[0]
                    + "/" + t[1] + "/" + t[2], null, null);
            assertThat(tile.statusCode()).as(collection).isEqualTo(200);
            assertThat(tile.headers().firstValue("Content-Type").orElseThrow())
                    .isEqualTo("application/vnd.mapbox-vector-tile");
            Map<String, Map<String, Object>> tags = decode(tile.body(), collection);
            JsonNode items = getJson("/ogcapi/collections/" + collection + "/items?limit=10000").path("features");
            assertThat(tags.keySet()).as(collection + ": every feature, once")
                    .containsExactlyInAnyOrderElementsOf(items.valueStream().map(f -> f.path("id").asString()).toList());
            for (JsonNode feature : items) {
                Map<String, Object> got = tags.get(feature.path("id").asString());
                for (Iterator<Map.Entry<String, JsonNode>> it = feature.path("properties").properties().iterator();
                     it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    JsonNode value = property.getValue();
                    String where = collection + " " + feature.path("id").asString() + "." + property.getKey();
                    if (value.isNull()) {
                        assertThat(got).as(where).doesNotContainKey(property.getKey());
                    } else if (value.isNumber()) {
                        assertThat(((Number) got.get(property.getKey())).doubleValue()).as(where)
                                .isEqualTo(value.asDouble());
                    } else if (value.isBoolean()) {
                        assertThat(got.get(property.getKey())).as(where).isEqualTo(value.asBoolean());
                    } else if (value.isArray()) {
                        assertThat(got.get(property.getKey())).as(where).isEqualTo("[" + value.valueStream()
                                .map(v -> "\"" + v.asString() + "\"").collect(Collectors.joining(",")) + "]");
                    } else {
                        assertThat(got.get(property.getKey())).as(where).isEqualTo(value.asString());
                    }
                }
            }
        }
        assertThat(decode(tile("/ogcapi/collections/parcels/tiles/WebMercatorQuad/" + t[0] + "/" + t[1] + "/" + t[2],
                null, null).body(), "parcels").values().iterator().next()).as("derived: readiness")
                .containsKeys("readiness_met", "ready", "gateway_distance_m");
    }

    @Test
    void aTileCarriesOnlyThePropertiesAskedFor() throws Exception {
        int[] t = parkTile();
        for (List<String> asked : List.of(List.of("parcels", "status", "code"), List.of("roads", "status", "name"))) {
            String collection = asked.get(0);
            String path = "/ogcapi/collections/" + collection + "/tiles/WebMercatorQuad/" + t[0] + "/" + t[1] + "/"
                    + t[2];
            Map<String, Map<String, Object>> all = decode(tile(path, null, null).body(), collection);
            HttpResponse<byte[]> thin = tile(path + "?properties=" + asked.get(1) + "," + asked.get(2), null, null);
            assertThat(thin.statusCode()).as(collection).isEqualTo(200);
            Map<String, Map<String, Object>> tags = decode(thin.body(), collection);
            assertThat(tags.keySet()).as(collection + ": the same features").isEqualTo(all.keySet());
            tags.forEach((id, got) -> {
                java.util.Map<String, Object> expected = new HashMap<>();
                all.get(id).forEach((k, v) -> {
                    if (k.equals("id") || asked.subList(1, 3).contains(k)) {
                        expected.put(k, v);
                    }
                });
                assertThat(got).as(collection + " " + id).isEqualTo(expected);
            });
            assertThat(thin.body().length).as(collection + ": fewer bytes").isLessThan(tile(path, null, null)
                    .body().length);
            assertThat(thin.headers().firstValue("ETag")).isNotEqualTo(tile(path, null, null).headers()
                    .firstValue("ETag"));
        }
        HttpResponse<String> unknown = getInEnglish("/ogcapi/collections/parcels/tiles/WebMercatorQuad/" + t[0] + "/"
                + t[1] + "/" + t[2] + "?properties=status,buyer_nonsense");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("buyer_nonsense").contains("properties");
        assertThat(getInEnglish("/ogcapi/collections/parcels/tiles/WebMercatorQuad/" + t[0] + "/" + t[1] + "/" + t[2]
                + "?properties=notes").statusCode()).as("a staff-only property, asked by the public").isEqualTo(400);
    }

    @Test
    void theParkTilesetHasALayerPerCollection() throws Exception {
        int[] t = parkTile();
        HttpResponse<byte[]> tile = tile("/ogcapi/tiles/WebMercatorQuad/" + t[0] + "/" + t[1] + "/" + t[2], null,
                null);
        assertThat(tile.statusCode()).isEqualTo(200);
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile.body()), new GeometryFactory(),
                new TagKeyValueMapConverter());
        // one unit of the tile's 4096-unit grid, in EPSG:3857 metres: what is smaller is not drawn at this level
        double unit = 2 * 20037508.3427892 / (1 << t[0]) / 4096;
        for (JsonNode collection : getJson("/ogcapi/collections").path("collections")) {
            String id = collection.path("id").asString();
            if (!collection.path("links").toString().contains("/tiles")) {
                assertThat(mvt.getLayer(id)).as("a catalogue has nothing to draw").isNull();
                continue;
            }
            JtsLayer layer = mvt.getLayer(id);
            assertThat(layer).as(id).isNotNull();
            java.util.Set<Object> shown = layer.getGeometries().stream().map(g -> ((Map<?, ?>) g.getUserData())
                    .get("id")).collect(Collectors.toSet());
            JsonNode all = getJson("/ogcapi/collections/" + id + "/items?limit=10000&crs="
                    + "http://www.opengis.net/def/crs/EPSG/0/3857").path("features");
            for (JsonNode feature : all) {
                if (!shown.contains(feature.path("id").asString())) {
                    Geometry geometry = org.parkatlas.geojson.GeoJsonGeometry.read(feature.path("geometry"), "");
                    assertThat(Math.max(geometry.getLength(), Math.sqrt(geometry.getArea()))).as(id + " "
                            + feature.path("id").asString() + " left out: smaller than a unit").isLessThan(unit);
                }
            }
            assertThat(shown.size()).as(id).isGreaterThanOrEqualTo((int) Math.ceil(all.size() * 0.99));
        }
        JsonNode tileset = getJson("/ogcapi/tiles/WebMercatorQuad");
        assertThat(tileset.path("dataType").asString()).isEqualTo("vector");
        // a layer per collection that has geometries (a catalogue such as the projects has none to draw)
        assertThat(tileset.path("layers").size()).isEqualTo((int) getJson("/ogcapi/collections").path("collections")
                .valueStream().filter(c -> c.path("links").toString().contains("/tiles")).count());
        JsonNode matrixSet = getJson("/ogcapi/tileMatrixSets/WebMercatorQuad");
        assertThat(matrixSet.path("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
        assertThat(matrixSet.path("tileMatrices").get(15).path("matrixWidth").asLong()).isEqualTo(1 << 15);
        assertThat(getJson("/ogcapi/collections/parcels").path("links").valueStream()
                .map(l -> l.path("rel").asString()).toList())
                .contains("http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector");
        assertThat(getJson("/ogcapi/conformance").path("conformsTo").valueStream().map(JsonNode::asString).toList())
                .contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");
    }

    @Test
    void anEditIsInTheNextTileAndInternalAttributesOnlyInStaffs() throws Exception {
        int[] t = parkTile();
        String path = "/ogcapi/collections/parcels/tiles/WebMercatorQuad/" + t[0] + "/" + t[1] + "/" + t[2];
        HttpResponse<byte[]> before = tile(path, null, null);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        assertThat(tile(path, null, etag).statusCode()).as("unchanged: not sent again").isEqualTo(304);

        JsonNode parcel = getJson("/ogcapi/collections/parcels/items?limit=1").path("features").get(0);
        String id = parcel.path("id").asString();
        String next = parcel.path("properties").path("status").asString().equals("reserved") ? "available" : "reserved";
        HttpResponse<String> patched = send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/parcels/items/"
                        + id))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"status\":\"" + next
                        + "\",\"notes\":\"瓦片测试备注\"}}")).build());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        HttpResponse<byte[]> after = tile(path, null, etag);
        assertThat(after.statusCode()).as("the old ETag no longer holds").isEqualTo(200);
        assertThat(decode(after.body(), "parcels").get(id).get("status")).isEqualTo(next);
        assertThat(decode(after.body(), "parcels").get(id)).as("the public tile").doesNotContainKey("notes");
        HttpResponse<byte[]> staff = tile(path, basic(ADMIN, ADMIN_PASSWORD), null);
        assertThat(decode(staff.body(), "parcels").get(id).get("notes")).isEqualTo("瓦片测试备注");
        assertThat(staff.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
    }

    @Test
    void aTileThatIsNotThereSaysSo() throws Exception {
        assertThat(tile("/ogcapi/collections/parcels/tiles/WebMercatorQuad/23/0/0", null, null).statusCode())
                .isEqualTo(404);
        assertThat(tile("/ogcapi/collections/parcels/tiles/WebMercatorQuad/3/8/0", null, null).statusCode())
                .isEqualTo(404);
        assertThat(tile("/ogcapi/collections/parcels/tiles/WorldCRS84Quad/3/1/1", null, null).statusCode())
                .isEqualTo(404);
        assertThat(tile("/ogcapi/collections/nope/tiles/WebMercatorQuad/3/1/1", null, null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> malformed = getInEnglish("/ogcapi/collections/parcels/tiles/WebMercatorQuad/3/x/1");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(malformed.body()).contains("tileRow");
        assertThat(tile("/ogcapi/collections/parcels/tiles/WebMercatorQuad/10/0/0", null, null).statusCode())
                .as("no parcel there").isEqualTo(204);
    }

    private HttpResponse<byte[]> tile(String path, String authorization, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A tile's features of one layer by id, their tags; each feature once (a feature split in parts merged). */
    private static Map<String, Map<String, Object>> decode(byte[] tile, String layer) throws Exception {
        JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), new GeometryFactory(),
                new TagKeyValueMapConverter());
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Geometry geometry : mvt.getLayer(layer).getGeometries()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> tags = (Map<String, Object>) geometry.getUserData();
            byId.put((String) tags.get("id"), tags);
        }
        return byId;
    }
}
