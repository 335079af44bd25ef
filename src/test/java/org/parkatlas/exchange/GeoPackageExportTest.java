package org.parkatlas.exchange;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.parkatlas.ExternalTools;
import org.parkatlas.ParkAtlasServerTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole park as one GeoPackage that GIS tools open: checked with NGA's reader and with GDAL's ogrinfo. */
class GeoPackageExportTest extends ParkAtlasServerTest {

    private static final List<String> TABLES = List.of("park_boundary", "corridors", "axes", "zones",
            "industrial_parks", "parcels", "roads", "utility_lines", "facilities", "factory_buildings");

    @TempDir
    Path folder;
    private Path file;

    @BeforeEach
    void download() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("/api/export/parkatlas.gpkg"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/geopackage+sqlite3");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("parkatlas.gpkg");
        file = folder.resolve("parkatlas.gpkg");
        Files.write(file, response.body());
    }

    @Test
    void holdsOneTablePerLayerWithEveryFeature() {
        try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
            assertThat(geoPackage.getFeatureTables()).containsExactlyInAnyOrderElementsOf(TABLES);
            for (String table : TABLES) {
                String collection = table.replace('_', '-');
                long served = getJson("/ogcapi/collections/" + collection + "/items?limit=1").path("numberMatched")
                        .asLong();
                assertThat((long) geoPackage.getFeatureDao(table).count()).as(table).isEqualTo(served);
            }
            assertThat(geoPackage.getFeatureDao("parcels").getSrs().getOrganizationCoordsysId()).isEqualTo(4546);
        }
    }

    @Test
    void parcelsCarryTheirReadinessAsOfTheDayOfTheExport() {
        JsonNode served = getJson("/ogcapi/collections/parcels/items/parcel-0005").path("properties");
        try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
            var rows = geoPackage.getFeatureDao("parcels").queryForEq("id", "parcel-0005");
            assertThat(rows.moveToNext()).isTrue();
            var row = rows.getRow();
            assertThat(((Number) row.getValue("readiness_met")).longValue()).isEqualTo(served.path("readiness_met")
                    .asLong());
            assertThat(row.getValue("ready")).isIn(served.path("ready").asBoolean(), served.path("ready").asBoolean()
                    ? 1 : 0);
            rows.close();
        }
    }

    @Test
    void itIsServedByRangesWithAnEtagThatMovesOnWithTheData() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(url("/api/export/parkatlas.gpkg")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(whole.headers().firstValue("Last-Modified")).isPresent();
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");
        HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(URI.create(url("/api/export/parkatlas.gpkg")))
                .header("Range", "bytes=100-1123").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(whole.body(), 100, 1124));
        HttpResponse<byte[]> unchanged = http.send(HttpRequest.newBuilder(URI.create(url("/api/export/parkatlas.gpkg")))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unchanged.statusCode()).as("the same data: nothing to send").isEqualTo(304);

        HttpResponse<String> written = send(HttpRequest.newBuilder(URI.create(url(
                        "/ogcapi/collections/parcels/items/parcel-0004")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"notes\":\"etag\"}}")).build());
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        HttpResponse<byte[]> changed = http.send(HttpRequest.newBuilder(URI.create(url("/api/export/parkatlas.gpkg")))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(changed.statusCode()).as("after a write the file is made again").isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/parcels/items/parcel-0004")))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"notes\":null}}")).build());
    }

    @Test
    void gdalReadsItInPlaceOverHttp() throws Exception {
        ExternalTools.require(Path.of("/usr/bin/ogrinfo"), "PARKATLAS_REQUIRE_GDAL", "apt-get install gdal-bin");
        String summary = ExternalTools.run(List.of("/usr/bin/ogrinfo", "-ro", "-so",
                "/vsicurl/" + url("/api/export/parkatlas.gpkg"), "parcels"));
        long parcels = getJson("/ogcapi/collections/parcels/items?limit=1").path("numberMatched").asLong();
        assertThat(summary).contains("Feature Count: " + parcels, "regional_assessments: String(JSON)");
    }

    @Test
    void eachColumnCarriesItsLabelsForQgisAndGdal() throws Exception {
        try (var sqlite = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var rs = sqlite.createStatement().executeQuery("SELECT column_name, title, description, mime_type "
                     + "FROM gpkg_data_columns WHERE table_name = 'parcels'")) {
            java.util.Map<String, String> titles = new java.util.HashMap<>();
            java.util.Map<String, String> types = new java.util.HashMap<>();
            while (rs.next()) {
                titles.put(rs.getString(1), rs.getString(2) + " | " + rs.getString(3));
                types.put(rs.getString(1), rs.getString(4));
            }
            assertThat(titles).containsEntry("status", "供地状态 | Status")
                    .containsEntry("area_mu", "面积（亩） | Area (mu) (亩)")
                    .containsEntry("ready_date", "预计具备条件日期 | Ready date");
            assertThat(types).containsEntry("regional_assessments", "application/json");
        }
    }

    @Test
    void gdalOpensItWithTheRightFieldsAndCrs() throws Exception {
        ExternalTools.require(Path.of("/usr/bin/ogrinfo"), "PARKATLAS_REQUIRE_GDAL", "apt-get install gdal-bin");
        String summary = ExternalTools.run(List.of("/usr/bin/ogrinfo", "-ro", "-so", file.toString()));
        assertThat(summary).doesNotContain("Warning", "ERROR");
        for (String table : TABLES) {
            assertThat(summary).contains(table);
        }
        long parcels = getJson("/ogcapi/collections/parcels/items?limit=1").path("numberMatched").asLong();
        String layer = ExternalTools.run(List.of("/usr/bin/ogrinfo", "-ro", "-so", file.toString(), "parcels"));
        assertThat(layer).contains("Geometry: Polygon", "Feature Count: " + parcels, "area_mu: Real",
                "status: String", "leveling_date: Date", "standard_land: Integer(Boolean)",
                "regional_assessments: String(JSON)");
        assertThat(layer).containsAnyOf("CGCS2000 / 3-degree Gauss-Kruger CM 111E", "EPSG\",4546");
    }

}
