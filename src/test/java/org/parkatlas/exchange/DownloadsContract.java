package org.parkatlas.exchange;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.parkatlas.ParkAtlasServerTest;
import org.parkatlas.geojson.GeoJsonGeometry;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A layer or a filtered result downloaded as a file ({@code /api/export/{collection}.{format}}) holds exactly what
 * the items API gives for the same request: the same ids, values and geometries; the CSV opens in Excel with its
 * Chinese intact.
 */
public abstract class DownloadsContract extends ParkAtlasServerTest {

    private static final String AVAILABLE = encode("status = 'available' AND area_mu > 40");

    @Test
    void geoJsonHoldsWhatTheItemsApiGives() {
        JsonNode items = getJson("/ogcapi/collections/parcels/items?limit=10000&filter=" + AVAILABLE);
        HttpResponse<String> file = get("/api/export/parcels.geojson?filter=" + AVAILABLE);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("parcels.geojson");
        JsonNode downloaded = JSON.readTree(file.body());
        assertThat(downloaded.path("features").size()).as("every match, not a page of 10")
                .isEqualTo(items.path("numberMatched").asInt()).isGreaterThan(10);
        assertThat(downloaded.path("features")).isEqualTo(items.path("features"));
    }

    @Test
    void csvRoundTripsIdsValuesAndGeometriesAndOpensInExcel() throws Exception {
        JsonNode items = getJson("/ogcapi/collections/parcels/items?limit=10000&filter=" + AVAILABLE);
        byte[] body = bytes("/api/export/parcels.csv?filter=" + AVAILABLE);
        assertThat(new byte[]{body[0], body[1], body[2]}).as("a UTF-8 BOM for Excel").containsExactly(0xEF, 0xBB, 0xBF);
        List<Map<String, String>> rows = parse(new String(body, StandardCharsets.UTF_8).substring(1));
        assertThat(rows).hasSize(items.path("numberMatched").asInt());
        WKTReader wkt = new WKTReader();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            JsonNode feature = items.path("features").get(i);
            assertThat(row.get("id")).isEqualTo(feature.path("id").asString());
            assertThat(row.get("code")).isEqualTo(feature.path("properties").path("code").asString());
            assertThat(Double.parseDouble(row.get("area_mu"))).isEqualTo(feature.path("properties").path("area_mu")
                    .asDouble());
            assertThat(row.get("regional_assessments")).isEqualTo(String.join(";", feature.path("properties")
                    .path("regional_assessments").valueStream().map(JsonNode::asString).toList()));
            Geometry read = wkt.read(row.get("geometry"));
            Geometry served = GeoJsonGeometry.read(feature.path("geometry"), "");
            assertThat(read.equalsExact(served, 1e-7)).as(row.get("id")).isTrue();
        }
        assertThat(rows.get(0)).doesNotContainKeys("buyer", "notes");
        String zones = new String(bytes("/api/export/zones.csv"), StandardCharsets.UTF_8);
        assertThat(zones).contains("西部生态制造区");
    }

    @Test
    void csvCanGivePointsAsLonLatColumns() throws Exception {
        List<Map<String, String>> rows = parse(new String(bytes("/api/export/facilities.csv?geometry=xy"),
                StandardCharsets.UTF_8).substring(1));
        JsonNode items = getJson("/ogcapi/collections/facilities/items?limit=100");
        assertThat(rows).hasSize(items.path("features").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode c = items.path("features").get(i).path("geometry").path("coordinates");
            assertThat(Double.parseDouble(rows.get(i).get("lon"))).isEqualTo(c.get(0).asDouble());
            assertThat(Double.parseDouble(rows.get(i).get("lat"))).isEqualTo(c.get(1).asDouble());
        }
    }

    @Test
    void anUnknownFormatIsNamedWithTheOnesThereAre() {
        HttpResponse<String> response = getInEnglish("/api/export/parcels.xlsx");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains("xlsx", "geojson", "csv");
        assertThat(getInEnglish("/api/export/parcels.geojson?geometry=xy").statusCode()).isEqualTo(400);
        assertThat(getInEnglish("/api/export/nope.csv").statusCode()).isEqualTo(404);
        assertThat(getInEnglish("/api/export/parcels.csv?filter=" + encode("area_mu >")).statusCode()).isEqualTo(400);
    }

    private byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        return response.body();
    }

    /** RFC 4180, as a reader independent of the writer: quoted cells, doubled quotes, CRLF lines. */
    static List<Map<String, String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        List<String> header = lines.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), line.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
