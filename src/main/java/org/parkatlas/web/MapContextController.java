package org.parkatlas.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /api/map/context}: what lies around the park, drawn under it so a newcomer knows where it is — for the
 * sample the Fen River, Ganting town, the G108, the expressway exit and the airport. Display only: not a collection,
 * never edited or exported. A park gives its own with {@code parkatlas.context.location} (a GeoJSON
 * FeatureCollection in CRS84, each feature with {@code kind}, {@code name} and {@code name_en}); with none the map has
 * no context.
 */
@RestController
class MapContextController {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    private static final String NONE = "{\"type\":\"FeatureCollection\",\"features\":[]}";

    private final String body;

    MapContextController(ResourceLoader resources,
                         @Value("${parkatlas.context.location:classpath:geodata/context.geojson}") String location)
            throws IOException {
        Resource file = location.isBlank() ? null : resources.getResource(location);
        if (file == null || !file.exists()) {
            this.body = NONE;
        } else {
            try (InputStream in = file.getInputStream()) {
                this.body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @GetMapping("/api/map/context")
    ResponseEntity<String> context() {
        return ResponseEntity.ok().contentType(GEO_JSON).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(body);
    }
}
