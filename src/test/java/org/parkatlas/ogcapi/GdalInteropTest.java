package org.parkatlas.ogcapi;

import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureResultSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkatlas.ExternalTools;
import org.parkatlas.ParkAtlasServerTest;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDAL's OGC API Features driver (Debian's gdal-bin) as a real client: it lists every collection with its count and
 * field types, pushes its {@code -where} down to the server as CQL2, and copies every collection into a GeoPackage
 * that holds exactly what the server serves.
 */
class GdalInteropTest extends ParkAtlasServerTest {

    private static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    private static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");

    @TempDir
    Path folder;

    @BeforeEach
    void requireGdal() {
        ExternalTools.require(OGRINFO, "PARKATLAS_REQUIRE_GDAL", "apt-get install gdal-bin");
    }

    @Test
    void ogrinfoListsEveryCollectionWithItsCountAndFieldTypes() throws Exception {
        String summary = ExternalTools.run(List.of(OGRINFO.toString(), "-ro", "-so", source()));
        for (String id : List.of("park-boundary", "corridors", "axes", "zones", "industrial-parks", "parcels", "roads",
                "utility-lines", "facilities", "factory-buildings")) {
            assertThat(summary).contains(": " + id + " (");
            String layer = ExternalTools.run(List.of(OGRINFO.toString(), "-ro", "-so", source(), id));
            assertThat(layer).contains("Feature Count: " + count(id));
        }
        String parcels = ExternalTools.run(List.of(OGRINFO.toString(), "-ro", "-so", source(), "parcels"));
        assertThat(parcels).contains("Geometry: Polygon", "code: String", "status: String", "area_mu: Real",
                "standard_land: Integer(Boolean)", "leveling_date: Date");
        assertThat(ExternalTools.run(List.of(OGRINFO.toString(), "-ro", "-so", source(), "factory-buildings")))
                .contains("floors: Integer");
    }

    @Test
    void whereClausesArePushedDownAsCql2() throws Exception {
        Path out = folder.resolve("filtered.gpkg");
        String log = ExternalTools.run(List.of(OGR2OGR.toString(), "--debug", "on", "-f", "GPKG", out.toString(), source(),
                "parcels", "-where", "status = 'available' AND area_mu > 30"));
        assertThat(log).as("GDAL asked the server to filter").containsPattern("filter=[^ ]*status");
        long expected = getJson("/ogcapi/collections/parcels/items?limit=1&filter="
                + java.net.URLEncoder.encode("status = 'available' AND area_mu > 30", StandardCharsets.UTF_8))
                .path("numberMatched").asLong();
        assertThat(expected).isPositive();
        try (GeoPackage geoPackage = GeoPackageManager.open(out.toFile())) {
            assertThat((long) geoPackage.getFeatureDao("parcels").count()).isEqualTo(expected);
        }
    }

    /** GDAL 3.6 writes booleans as 1, dates as '2025-01-01T' and ILIKE: each -where must come back filtered. */
    @Test
    void gdalsOwnWhereFormsComeBackFiltered() throws Exception {
        String[][] cases = {{"standard_land = 1", "standard_land = TRUE"},
                {"leveling_date > '2025-01-01'", "leveling_date > DATE('2025-01-01')"},
                {"code ILIKE 'gt-z1-00%'", "CASEI(code) LIKE CASEI('gt-z1-00%')"}};
        for (String[] c : cases) {
            Path out = folder.resolve("where-" + Math.abs(c[0].hashCode()) + ".gpkg");
            String log = ExternalTools.run(List.of(OGR2OGR.toString(), "--debug", "on", "-f", "GPKG", out.toString(),
                    source(), "parcels", "-where", c[0]));
            assertThat(log).as(c[0]).containsPattern("filter=[^ ]*&filter-lang=cql-text").doesNotContain("ERROR");
            long expected = getJson("/ogcapi/collections/parcels/items?limit=1&filter="
                    + java.net.URLEncoder.encode(c[1], StandardCharsets.UTF_8)).path("numberMatched").asLong();
            assertThat(expected).as(c[1]).isPositive();
            try (GeoPackage geoPackage = GeoPackageManager.open(out.toFile())) {
                assertThat((long) geoPackage.getFeatureDao("parcels").count()).as(c[0]).isEqualTo(expected);
            }
        }
    }

    @Test
    void ogr2ogrCopiesEveryCollectionIntoAGeoPackageThatEqualsTheSource() throws Exception {
        Path out = folder.resolve("copy.gpkg");
        ExternalTools.run(List.of(OGR2OGR.toString(), "-f", "GPKG", out.toString(), source(), "-oo", "PAGE_SIZE=1000"));
        try (GeoPackage geoPackage = GeoPackageManager.open(out.toFile())) {
            for (String id : List.of("parcels", "roads", "utility-lines", "facilities", "zones")) {
                Map<String, String> served = servedCodes(id);
                Map<String, String> copied = new HashMap<>();
                String table = geoPackage.getFeatureTables().stream().filter(t -> t.equals(id)
                        || t.equals(id.replace('-', '_'))).findFirst().orElseThrow();
                FeatureResultSet rows = geoPackage.getFeatureDao(table).queryForAll();
                try {
                    while (rows.moveToNext()) {
                        var row = rows.getRow();
                        String label = row.getColumns().hasColumn("name") ? "name" : "code";
                        copied.put(String.valueOf(row.getValue("id")), String.valueOf(row.getValue(label)));
                    }
                } finally {
                    rows.close();
                }
                assertThat(copied).as(id).isEqualTo(served);
            }
        }
    }

    /**
     * GDAL's own drivers open every download: the Shapefile with its Chinese read through the .cpg (UTF-8 and GBK)
     * and its CRS from the .prj, the FlatGeobuf with typed columns, the DXF with a closed polyline per parcel on the
     * collection's layer and a label per parcel on the labels layer, in EPSG:4546 metres.
     */
    @Test
    void gdalOpensEveryDownloadFormat() throws Exception {
        long parcels = count("parcels");
        for (String encoding : List.of("utf-8", "gbk")) {
            Path zip = fetch("/api/export/zones.shp.zip?encoding=" + encoding, "zones-" + encoding + ".shp.zip");
            String zones = ExternalTools.run(List.of(OGRINFO.toString(), "-ro", "-al", "/vsizip/" + zip));
            assertThat(zones).as(encoding).contains("Feature Count: " + count("zones"), "西部生态制造区",
                    "ID[\"EPSG\",4326]");
        }
        Path fgb = fetch("/api/export/parcels.fgb", "parcels.fgb");
        assertThat(ExternalTools.run(List.of(OGRINFO.toString(), "-ro", "-so", fgb.toString(), "parcels")))
                .contains("Feature Count: " + parcels, "standard_land: Integer(Boolean)", "area_mu: Real",
                        "leveling_date: DateTime", "ID[\"EPSG\",4326]");
        Path dxf = fetch("/api/export/parcels.dxf", "parcels.dxf");
        String layers = ExternalTools.run(List.of(OGRINFO.toString(), "-ro", "-q", "-dialect", "sqlite", "-sql",
                "SELECT Layer, count(*) AS n, min(ST_X(ST_StartPoint(geometry))) AS x FROM entities "
                        + "WHERE Layer LIKE 'parcels%' GROUP BY Layer", dxf.toString()));
        assertThat(layers).contains("Layer (String) = parcels\n", "n (Integer) = " + parcels,
                "Layer (String) = parcels-labels");
        assertThat(layers).containsPattern("x \\(Real\\) = 55[0-9]{4}\\.");
        Path gpkg = fetch("/api/export/parcels.gpkg?filter=" + java.net.URLEncoder.encode("status = 'available'",
                java.nio.charset.StandardCharsets.UTF_8), "available.gpkg");
        long available = getJson("/ogcapi/collections/parcels/items?limit=1&filter=" + java.net.URLEncoder.encode(
                "status = 'available'", java.nio.charset.StandardCharsets.UTF_8)).path("numberMatched").asLong();
        assertThat(ExternalTools.run(List.of(OGRINFO.toString(), "-ro", "-so", gpkg.toString(), "parcels")))
                .contains("Feature Count: " + available);
    }

    private Path fetch(String path, String name) throws Exception {
        Path file = folder.resolve(name);
        java.net.http.HttpResponse<Path> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return file;
    }

    private Map<String, String> servedCodes(String id) {
        Map<String, String> codes = new HashMap<>();
        for (JsonNode feature : getJson("/ogcapi/collections/" + id + "/items?limit=10000").path("features")) {
            JsonNode properties = feature.path("properties");
            codes.put(feature.path("id").asString(), properties.hasNonNull("name") ? properties.path("name").asString()
                    : properties.path("code").asString());
        }
        return codes;
    }

    private long count(String id) {
        return getJson("/ogcapi/collections/" + id + "/items?limit=1").path("numberMatched").asLong();
    }

    private String source() {
        return "OAPIF:" + url("/ogcapi");
    }

}
