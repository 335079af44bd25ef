package org.parkatlas.exchange;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code GET /api/export/parkatlas.gpkg}: the whole park as one GeoPackage, for QGIS, GDAL and other GIS tools. */
@RestController
class ExportController {

    static final String GEOPACKAGE = "application/geopackage+sqlite3";

    private final GeoPackageExporter exporter;

    ExportController(GeoPackageExporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/api/export/parkatlas.gpkg")
    void geoPackage(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
        Path folder = Files.createTempDirectory("parkatlas-export");
        Path file = folder.resolve("parkatlas.gpkg");
        try {
            exporter.export(file, org.parkatlas.http.RequestAudience.of(request));
            response.setContentType(GEOPACKAGE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parkatlas.gpkg\"");
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder.resolve("parkatlas.gpkg-journal"));
            Files.deleteIfExists(folder);
        }
    }
}
