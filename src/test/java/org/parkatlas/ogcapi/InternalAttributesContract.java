package org.parkatlas.ogcapi;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who bought a parcel and the bureau's own notes are for its staff: an anonymous reader meets them by no door —
 * items, one item, filters, property parameters, queryables, the map's configuration, the GeoPackage export, the
 * parcel's history — while a signed-in reader sees and filters on them like any attribute.
 */
public abstract class InternalAttributesContract extends ParkAtlasServerTest {

    private static final String PARCEL = "/ogcapi/collections/parcels/items/parcel-0003";
    private static final String BUYER = "山西晋能光伏科技有限公司";
    private static final String NOTE = "洽谈中：要求电价优惠";

    @AfterEach
    void forgetTheBuyer() {
        patch("{\"properties\":{\"buyer\":null,\"notes\":null,\"reference_price_wan_per_mu\":null}}");
    }

    @Test
    void theBuyerAndNotesAreForStaffOnlyByEveryDoor() throws Exception {
        HttpResponse<String> written = patch("{\"properties\":{\"buyer\":\"" + BUYER + "\",\"notes\":\"" + NOTE
                + "\",\"reference_price_wan_per_mu\":28}}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(written.body()).as("the writer, staff, reads back what was written").contains(BUYER, NOTE);

        List<String> publicAnswers = new ArrayList<>();
        JsonNode item = JSON.readTree(remember(publicAnswers, get(PARCEL)));
        assertThat(item.path("properties").has("buyer")).isFalse();
        assertThat(item.path("properties").has("notes")).isFalse();
        assertThat(item.path("properties").path("reference_price_wan_per_mu").asDouble())
                .as("the reference price is for investors").isEqualTo(28.0);
        remember(publicAnswers, get("/ogcapi/collections/parcels/items?limit=1000"));
        HttpResponse<String> filtered = getInEnglish("/ogcapi/collections/parcels/items?filter="
                + encode("buyer LIKE '山西%'"));
        assertThat(filtered.statusCode()).as("a filter would tell the values apart").isEqualTo(400);
        assertThat(JSON.readTree(filtered.body()).path("detail").asString()).contains("\"buyer\" is not a queryable");
        assertThat(get("/ogcapi/collections/parcels/items?notes=x").statusCode()).isEqualTo(400);
        JsonNode queryables = JSON.readTree(remember(publicAnswers, get("/ogcapi/collections/parcels/queryables")));
        assertThat(queryables.path("properties").has("buyer")).isFalse();
        assertThat(queryables.path("properties").has("reference_price_wan_per_mu")).isTrue();
        JsonNode config = JSON.readTree(remember(publicAnswers, get("/api/map/config")));
        assertThat(attributeNames(config, "parcels")).doesNotContain("buyer", "notes")
                .contains("reference_price_wan_per_mu");
        assertThat(attributeNames(config, "factory-buildings")).doesNotContain("tenant");
        JsonNode history = JSON.readTree(remember(publicAnswers, get("/api/parcels/parcel-0003/history?lang=en")));
        assertThat(history.path("versions").findValuesAsString("property")).doesNotContain("buyer", "notes");
        assertThat(geoPackageColumns(null)).doesNotContain("buyer", "notes");
        for (String format : List.of("geojson", "csv", "gpkg", "shp.zip", "fgb", "dxf")) {
            String file = download("/api/export/parcels." + format, null);
            assertThat(file).as("a public " + format + " download").doesNotContain(BUYER, NOTE, "\"buyer\"",
                    "\"notes\"");
            assertThat(download("/api/export/parcels." + format, basic(ADMIN, ADMIN_PASSWORD)))
                    .as("a signed-in reader's " + format + " download").contains("buyer", "notes");
        }
        for (String answer : publicAnswers) {
            assertThat(answer).doesNotContain(BUYER, NOTE);
        }

        String staff = basic(ADMIN, ADMIN_PASSWORD);
        assertThat(JSON.readTree(signedIn(PARCEL, staff).body()).path("properties").path("buyer").asString())
                .isEqualTo(BUYER);
        JsonNode found = JSON.readTree(signedIn("/ogcapi/collections/parcels/items?filter=" + encode("buyer LIKE "
                + "'山西%'"), staff).body());
        assertThat(found.path("numberMatched").asInt()).as("staff filter on it").isEqualTo(1);
        assertThat(JSON.readTree(signedIn("/ogcapi/collections/parcels/queryables", staff).body()).path("properties")
                .has("buyer")).isTrue();
        assertThat(attributeNames(JSON.readTree(signedIn("/api/map/config", staff).body()), "parcels"))
                .as("the edit form offers it").contains("buyer", "notes");
        assertThat(JSON.readTree(signedIn("/api/parcels/parcel-0003/history?lang=en", staff).body()).path("versions")
                .findValuesAsString("property")).contains("buyer", "notes");
        assertThat(geoPackageColumns(staff)).contains("buyer", "notes");
    }

    private static String remember(List<String> answers, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        answers.add(response.body());
        return response.body();
    }

    private static List<String> attributeNames(JsonNode config, String collection) {
        for (JsonNode c : config.path("collections")) {
            if (c.path("id").asString().equals(collection)) {
                return c.path("attributes").findValuesAsString("name");
            }
        }
        throw new AssertionError("no collection " + collection);
    }

    /** The parcels table's columns in the GeoPackage export, as {@code authorization} (null: anonymous) gets it. */
    private List<String> geoPackageColumns(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/export/parkatlas.gpkg")));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> gpkg = java.net.http.HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gpkg.statusCode()).isEqualTo(200);
        Path file = Files.createTempFile("export", ".gpkg");
        try {
            Files.write(file, gpkg.body());
            List<String> columns = new ArrayList<>();
            try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + file);
                 ResultSet rs = sqlite.createStatement().executeQuery("PRAGMA table_info(parcels)")) {
                while (rs.next()) {
                    columns.add(rs.getString("name"));
                }
            }
            if (authorization == null) {
                assertThat(new String(gpkg.body(), StandardCharsets.UTF_8)).doesNotContain(BUYER);
            }
            return columns;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A download's bytes as text (a zip's files one after another), as {@code authorization} gets it. */
    private String download(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        byte[] body = response.body();
        if (!path.endsWith(".zip")) {
            return new String(body, StandardCharsets.UTF_8);
        }
        StringBuilder files = new StringBuilder();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(body))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files.toString();
    }

    private HttpResponse<String> signedIn(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", authorization).build());
    }

    private HttpResponse<String> patch(String body) {
        return send(HttpRequest.newBuilder(URI.create(url(PARCEL))).header("Authorization", basic(ADMIN,
                        ADMIN_PASSWORD)).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
