package org.parkatlas.exchange;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.parkatlas.ParkAtlasServerTest;
import org.parkatlas.geojson.GeoJsonGeometry;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file format goes out and comes back whole: a layer downloaded as GeoPackage, zipped Shapefile, FlatGeobuf or
 * DXF and imported again holds the same ids, attributes and geometries; Chinese text survives a Shapefile in UTF-8
 * and in GBK (with or without a .cpg), and a text longer than a DBF field; a CAD drawing with closed polylines,
 * labels and layers becomes parcels through the layer-to-attribute mapping; a bad file is refused with where it is
 * wrong and changes nothing. Runs on a store of its own, since it rewrites layers.
 */
public abstract class FileFormatsContract extends ParkAtlasServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> FORMATS = List.of("gpkg", "shp.zip", "fgb", "dxf");

    @Test
    void everyFormatBringsBackWhatItTookOut() throws Exception {
        for (String layer : List.of("parcels", "roads", "facilities", "zones", "factory-buildings", "utility-lines",
                "park-boundary", "corridors", "axes", "industrial-parks")) {
            JsonNode before = items(layer);
            for (String format : FORMATS) {
                byte[] file = download("/api/export/" + layer + "." + format);
                HttpResponse<String> imported = upload("/api/collections/" + layer + "/import?mode=replace", file);
                assertThat(imported.statusCode()).as(layer + "." + format + ": " + imported.body()).isEqualTo(200);
                assertThat(JSON.readTree(imported.body()).path("imported").asInt()).isEqualTo(before.size());
                assertSameFeatures(layer + "." + format, before, items(layer));
            }
            // CSV, in EPSG:4546 to the millimetre (3 decimals): areas worked out again may move by a fraction of a m²
            String metres = encode("http://www.opengis.net/def/crs/EPSG/0/4546");
            byte[] csv = download("/api/export/" + layer + ".csv?crs=" + metres);
            HttpResponse<String> imported = upload("/api/collections/" + layer + "/import?mode=replace&crs=" + metres,
                    csv, "text/csv");
            assertThat(imported.statusCode()).as(layer + ".csv: " + imported.body()).isEqualTo(200);
            assertSameFeatures(layer + ".csv", before, items(layer), 1.0, 1e-4);
        }
    }

    @Test
    void aShapefileKeepsChineseInUtf8AndInGbkWithOrWithoutItsCpg() throws Exception {
        JsonNode before = items("zones");
        Map<String, byte[]> utf8 = unzip(download("/api/export/zones.shp.zip"));
        assertThat(new String(utf8.get("zones.cpg"), StandardCharsets.US_ASCII)).isEqualTo("UTF-8");
        assertThat(new String(utf8.get("zones.dbf"), StandardCharsets.UTF_8)).contains("西部生态制造区");
        assertThat(new String(utf8.get("zones.prj"), StandardCharsets.US_ASCII)).contains("WGS 84");
        assertThat(new String(utf8.get("zones.fields.txt"), StandardCharsets.UTF_8)).contains("名称", "Area (m²)")
                .doesNotContain("(m²) (m²)");
        assertThat(new String(unzip(download("/api/export/parcels.shp.zip")).get("parcels.fields.txt"),
                StandardCharsets.UTF_8)).as("the legend names the clipped fields").contains("industrial\tindustrial_park");

        Map<String, byte[]> gbk = unzip(download("/api/export/zones.shp.zip?encoding=gbk&crs="
                + encode("http://www.opengis.net/def/crs/EPSG/0/4546")));
        assertThat(new String(gbk.get("zones.cpg"), StandardCharsets.US_ASCII)).isEqualTo("GBK");
        assertThat(gbk.get("zones.dbf")[29]).as("the DBF's language driver: GBK (936)").isEqualTo((byte) 0x4D);
        assertThat(new String(gbk.get("zones.dbf"), Charset.forName("GBK"))).contains("西部生态制造区");
        assertThat(new String(gbk.get("zones.prj"), StandardCharsets.US_ASCII)).contains("Gauss-Kruger CM 111E");

        // as shared by a desktop GIS that wrote no .cpg: the language driver says GBK
        Map<String, byte[]> noCpg = new LinkedHashMap<>(gbk);
        noCpg.remove("zones.cpg");
        assertImportsAs(before, "zones", zip(noCpg));
        // neither .cpg nor language driver: GBK, what Chinese shapefiles without either are in
        Map<String, byte[]> bare = new LinkedHashMap<>(noCpg);
        byte[] dbf = bare.get("zones.dbf").clone();
        dbf[29] = 0;
        bare.put("zones.dbf", dbf);
        assertImportsAs(before, "zones", zip(bare));
        assertImportsAs(before, "zones", zip(utf8));
    }

    @Test
    void aTextLongerThanADbfFieldComesBackWhole() throws Exception {
        JsonNode parcel = items("parcels").get(0);
        String notes = "甘亭园区标准地说明：" + "供水、排水、供电、通信、道路、燃气、热力均已到红线。".repeat(12);
        assertThat(notes.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(254);
        HttpResponse<String> patched = send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/parcels/items/"
                        + parcel.path("id").asString())))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"notes\":"
                        + JSON.writeValueAsString(notes) + "}}")).build());
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode before = items("parcels");

        Map<String, byte[]> files = unzip(download("/api/export/parcels.shp.zip"));
        assertThat(files).containsKey("parcels.fulltext.json");
        assertThat(new String(files.get("parcels.dbf"), StandardCharsets.UTF_8)).as("clipped in the DBF")
                .contains("甘亭园区标准地说明").doesNotContain(notes);
        assertImportsAs(before, "parcels", zip(files));
        assertThat(items("parcels").get(0).path("properties").path("notes").asString()).isEqualTo(notes);
    }

    @Test
    void aCadDrawingBecomesParcelsThroughItsLayersAndLabels() throws Exception {
        // room for the drawing: a parcel's ground (inside the park, clear of roads and corridors), cleared first
        JsonNode room = JSON.readTree(get("/ogcapi/collections/parcels/items?limit=1&crs="
                + encode("http://www.opengis.net/def/crs/EPSG/0/4546")).body()).path("features").get(0);
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        for (JsonNode position : room.path("geometry").path("coordinates").get(0)) {
            y0 = Math.min(y0, position.get(0).asDouble()); // EPSG:4546 is northing first
            x0 = Math.min(x0, position.get(1).asDouble());
        }
        HttpResponse<String> cleared = send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/parcels/items/"
                + room.path("id").asString()))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).DELETE().build());
        assertThat(cleared.statusCode()).as(cleared.body()).isIn(200, 204);
        int before = items("parcels").size();

        // two parcels drawn in CAD: eastings with the zone number 37 in front, land use as the DXF layer, the code as
        // a text inside, the second with a hole (a closed polyline inside it on the same layer); a road centre line
        // (open) and a dimension text are not parcels
        double x = 37_000_000 + x0 + 5;
        double y = y0 + 10;
        String dxf = String.join("\r\n",
                "0", "SECTION", "2", "HEADER", "9", "$ACADVER", "1", "AC1015", "9", "$DWGCODEPAGE", "3", "ANSI_936",
                "0", "ENDSEC", "0", "SECTION", "2", "ENTITIES",
                lwpolyline("100101", true, x, y, x + 95, y, x + 95, y + 120, x, y + 120),
                lwpolyline("100101", true, x + 105, y, x + 205, y, x + 205, y + 120, x + 105, y + 120),
                lwpolyline("100101", true, x + 140, y + 40, x + 170, y + 40, x + 170, y + 70, x + 140, y + 70),
                lwpolyline("道路中线", false, x, y - 2, x + 205, y - 2),
                text("地块编号", x + 40, y + 60, "CAD-01"),
                text("地块编号", x + 150, y + 100, "CAD-02"),
                text("标注", x + 100, y + 200, "205m"),
                "0", "ENDSEC", "0", "EOF", "");
        String path = "/api/collections/parcels/import?mode=append&dxf_layers=100101&dxf_layer_attribute=land_use"
                + "&dxf_set=status:planned&dxf_set=leveling:not_started";
        HttpResponse<String> imported = upload(path, dxf.getBytes(Charset.forName("GBK")));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).path("imported").asInt()).isEqualTo(2);
        JsonNode after = items("parcels");
        assertThat(after.size()).isEqualTo(before + 2);
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        after.forEach(f -> byCode.put(f.path("properties").path("code").asString(), f));
        JsonNode first = byCode.get("CAD-01");
        JsonNode second = byCode.get("CAD-02");
        assertThat(first).as("the text inside gives the code").isNotNull();
        assertThat(second).isNotNull();
        assertThat(first.path("properties").path("land_use").asString()).isEqualTo("100101");
        assertThat(first.path("properties").path("status").asString()).isEqualTo("planned");
        assertThat(first.path("properties").path("area_m2").asDouble()).isCloseTo(95 * 120, within(0.5));
        assertThat(second.path("properties").path("area_m2").asDouble()).as("less its hole")
                .isCloseTo(100 * 120 - 30 * 30, within(0.5));
        assertThat(second.path("geometry").path("coordinates").size()).as("a shell and a hole").isEqualTo(2);
    }

    /** GDAL's DXF writer draws polygons as HATCHes with polyline boundary paths: those become parcels too. */
    @Test
    void aHatchedDrawingAsGdalWritesItBecomesParcels() throws Exception {
        JsonNode room = JSON.readTree(get("/ogcapi/collections/parcels/items?limit=1&offset=7&crs="
                + encode("http://www.opengis.net/def/crs/EPSG/0/4546")).body()).path("features").get(0);
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (JsonNode position : room.path("geometry").path("coordinates").get(0)) {
            y0 = Math.min(y0, position.get(0).asDouble());
            x0 = Math.min(x0, position.get(1).asDouble());
            y1 = Math.max(y1, position.get(0).asDouble());
            x1 = Math.max(x1, position.get(1).asDouble());
        }
        HttpResponse<String> cleared = send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/parcels/items/"
                + room.path("id").asString()))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).DELETE().build());
        assertThat(cleared.statusCode()).isIn(200, 204);
        int before = items("parcels").size();
        // two hatched parcels side by side in the room, 2 m clear of its edges and of each other
        double x = x0 + 2;
        double y = y0 + 2;
        double half = Math.floor((x1 - x0 - 6) / 2);
        double tall = Math.floor(y1 - y0 - 4);
        double second = x + half + 2;
        String dxf = String.join("\r\n", "0", "SECTION", "2", "ENTITIES",
                hatch("0", x, y, x + half, y, x + half, y + tall, x, y + tall, x, y),
                hatch("0", second, y, second + half, y, second + half, y + tall, second, y + tall, second, y),
                "0", "CIRCLE", "8", "0", "10", String.valueOf(x + 5), "20", String.valueOf(y + 5), "40", "3",
                "0", "ENDSEC", "0", "EOF", "");
        HttpResponse<String> imported = upload("/api/collections/parcels/import?mode=append&dxf_set=code:GDAL-1"
                + "&dxf_set=land_use:100101&dxf_set=status:planned&dxf_set=leveling:not_started",
                dxf.getBytes(StandardCharsets.US_ASCII));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(items("parcels").size()).isEqualTo(before + 2);
        double area = half * tall;
        assertThat(items("parcels").valueStream().filter(f -> f.path("properties").path("code").asString()
                .equals("GDAL-1")).map(f -> f.path("properties").path("area_m2").asDouble()).toList())
                .hasSize(2).allSatisfy(a -> assertThat(a).isCloseTo(area, within(0.5)));

        // a drawing with nothing the layer can take is refused, and says what it does hold
        String circles = String.join("\r\n", "0", "SECTION", "2", "ENTITIES", "0", "CIRCLE", "8", "0", "10",
                String.valueOf(x), "20", String.valueOf(y), "40", "3", "0", "ENDSEC", "0", "EOF", "");
        assertRefused("parcels", circles.getBytes(StandardCharsets.US_ASCII), "/dxf_layers", "CIRCLE");
        assertThat(items("parcels").size()).as("a replace that read nothing changes nothing").isEqualTo(before + 2);
    }

    @Test
    void aBadFileIsRefusedWithWhereAndChangesNothing() throws Exception {
        long before = items("zones").size();
        Map<String, byte[]> shapefile = unzip(download("/api/export/zones.shp.zip"));

        Map<String, byte[]> noPrj = new LinkedHashMap<>(shapefile);
        noPrj.remove("zones.prj");
        assertRefused("zones", zip(noPrj), "/zones.prj", ".prj");

        Map<String, byte[]> cut = new LinkedHashMap<>(shapefile);
        cut.put("zones.shp", java.util.Arrays.copyOf(shapefile.get("zones.shp"), shapefile.get("zones.shp").length - 9));
        assertRefused("zones", zip(cut), "/zones.shp", "record");

        Map<String, byte[]> foreign = new LinkedHashMap<>(shapefile);
        foreign.put("zones.dbf", renameField(shapefile.get("zones.dbf"), "name", "owner"));
        assertRefused("zones", zip(foreign), "/zones.dbf/owner", "owner");

        assertRefused("zones", "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.US_ASCII), "", "zip");
        byte[] fgb = download("/api/export/zones.fgb");
        assertRefused("zones", java.util.Arrays.copyOf(fgb, fgb.length - 20), "/features/2", "feature 2");

        String dxf = "0\r\nSECTION\r\n2\r\nENTITIES\r\n0\r\nLWPOLYLINE\r\n8\r\nA\r\nten\r\n1\r\n";
        assertRefused("zones", dxf.getBytes(StandardCharsets.US_ASCII), "/lines/9", "group code");
        String lonLat = String.join("\r\n", "0", "SECTION", "2", "ENTITIES",
                lwpolyline("A", true, 111.6, 36.16, 111.61, 36.16, 111.61, 36.17), "0", "ENDSEC", "0", "EOF", "");
        assertRefused("zones", lonLat.getBytes(StandardCharsets.US_ASCII), "/lines/", "EPSG:4546");
        String csv = "\uFEFFid,code,name,geometry\r\nz-9,Z9,\"试验区, 东\",\"POLYGON((111.60 36.16, 111.61 36.16, "
                + "111.61 36.17, 111.60 36.16))\"\r\nz-10,Z10,坏的,POLYGON((111.60 36.16\r\n";
        HttpResponse<String> badCsv = upload("/api/collections/zones/import?mode=replace", csv.getBytes(
                StandardCharsets.UTF_8), "text/csv");
        assertThat(badCsv.statusCode()).as(badCsv.body()).isBetween(400, 422);
        assertThat(JSON.readTree(badCsv.body()).path("pointer").asString()).isEqualTo("/rows/3/geometry");
        HttpResponse<String> gbkCsv = upload("/api/collections/zones/import?mode=replace", "id,name\r\nz,西区\r\n"
                .getBytes(Charset.forName("GBK")), "text/csv");
        assertThat(gbkCsv.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(gbkCsv.body()).path("detail").asString()).contains("CSV UTF-8");
        assertThat(items("zones").size()).isEqualTo(before);

        HttpResponse<String> wrongCrs = getInEnglish("/api/export/zones.dxf?crs=" + encode(
                "http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
        assertThat(wrongCrs.statusCode()).isEqualTo(400);
        assertThat(wrongCrs.body()).contains("EPSG:4546");
        assertThat(getInEnglish("/api/export/zones.fgb?encoding=gbk").statusCode()).isEqualTo(400);
    }

    // ---- helpers

    private void assertImportsAs(JsonNode before, String layer, byte[] file) {
        HttpResponse<String> imported = upload("/api/collections/" + layer + "/import?mode=replace", file);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertSameFeatures(layer, before, items(layer));
    }

    private void assertRefused(String layer, byte[] file, String pointer, String said) {
        HttpResponse<String> response = upload("/api/collections/" + layer + "/import?mode=replace", file);
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("pointer").asString()).as(response.body()).startsWith(pointer);
        assertThat(problem.path("detail").asString()).contains(said);
    }

    private static void assertSameFeatures(String what, JsonNode before, JsonNode after) {
        assertSameFeatures(what, before, after, 0.011, 1e-9);
    }

    /**
     * @param absolute the difference a number may show (areas are worked out again from the geometry)
     * @param relative the same, as a share of the number
     */
    private static void assertSameFeatures(String what, JsonNode before, JsonNode after, double absolute,
                                           double relative) {
        assertThat(after.size()).as(what).isEqualTo(before.size());
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        after.forEach(f -> byId.put(f.path("id").asString(), f));
        for (JsonNode was : before) {
            String id = was.path("id").asString();
            JsonNode now = byId.get(id);
            assertThat(now).as(what + ": " + id + " came back").isNotNull();
            for (Iterator<Map.Entry<String, JsonNode>> it = was.path("properties").properties().iterator();
                 it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode value = now.path("properties").path(property.getKey());
                String where = what + ": " + id + "." + property.getKey();
                if (property.getValue().isFloatingPointNumber()) {
                    // areas are worked out again from the geometry, which may move by a micrometre in EPSG:4546
                    assertThat(value.asDouble()).as(where).isCloseTo(property.getValue().asDouble(),
                            within(Math.max(absolute, Math.abs(property.getValue().asDouble()) * relative)));
                } else {
                    assertThat(value).as(where).isEqualTo(property.getValue());
                }
            }
            Geometry expected = GeoJsonGeometry.read(was.path("geometry"), "");
            Geometry actual = GeoJsonGeometry.read(now.path("geometry"), "");
            // the same shape, point for point; a ring may come back in the other direction, as Shapefiles prescribe
            // one (shells clockwise) and CAD none
            assertThat(actual.norm().equalsExact(expected.norm(), absolute > 0.5 ? 1e-7 : 1e-8)).as(what + ": " + id
                    + " " + actual + " vs " + expected).isTrue();
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double tolerance) {
        return org.assertj.core.data.Offset.offset(tolerance);
    }

    /** Every feature of a layer as a signed-in analyst sees it (internal attributes too), in CRS84. */
    private JsonNode items(String layer) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/ogcapi/collections/" + layer
                + "/items?limit=10000"))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("features");
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> upload(String path, byte[] body) {
        return upload(path, body, "application/octet-stream");
    }

    private HttpResponse<String> upload(String path, byte[] body, String type) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", type).header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The DBF with one field's name changed, as another program's file would have it. */
    private static byte[] renameField(byte[] dbf, String from, String to) {
        byte[] copy = dbf.clone();
        int headerLength = ByteBuffer.wrap(dbf).order(ByteOrder.LITTLE_ENDIAN).getShort(8);
        for (int at = 32; at + 32 <= headerLength; at += 32) {
            String name = new String(dbf, at, 11, StandardCharsets.US_ASCII).replace("\0", "");
            if (name.equals(from)) {
                byte[] field = new byte[11];
                byte[] given = to.getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(given, 0, field, 0, given.length);
                System.arraycopy(field, 0, copy, at, 11);
            }
        }
        return copy;
    }

    private static String lwpolyline(String layer, boolean closed, double... xy) {
        StringBuilder entity = new StringBuilder("0\r\nLWPOLYLINE\r\n8\r\n" + layer + "\r\n90\r\n" + xy.length / 2
                + "\r\n70\r\n" + (closed ? 1 : 0));
        for (int i = 0; i < xy.length; i += 2) {
            entity.append("\r\n10\r\n").append(xy[i]).append("\r\n20\r\n").append(xy[i + 1]);
        }
        return entity.toString();
    }

    /** A HATCH with one closed polyline boundary path, as GDAL writes a polygon. */
    private static String hatch(String layer, double... xy) {
        StringBuilder entity = new StringBuilder("0\r\nHATCH\r\n8\r\n" + layer + "\r\n10\r\n0\r\n20\r\n0\r\n30\r\n0"
                + "\r\n2\r\nSOLID\r\n70\r\n1\r\n71\r\n0\r\n91\r\n1\r\n92\r\n2\r\n72\r\n0\r\n73\r\n1\r\n93\r\n"
                + xy.length / 2);
        for (int i = 0; i < xy.length; i += 2) {
            entity.append("\r\n10\r\n").append(xy[i]).append("\r\n20\r\n").append(xy[i + 1]);
        }
        return entity.append("\r\n97\r\n0\r\n75\r\n0\r\n76\r\n1\r\n98\r\n0").toString();
    }

    private static String text(String layer, double x, double y, String content) {
        return "0\r\nTEXT\r\n8\r\n" + layer + "\r\n10\r\n" + x + "\r\n20\r\n" + y + "\r\n40\r\n3\r\n1\r\n" + content;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
