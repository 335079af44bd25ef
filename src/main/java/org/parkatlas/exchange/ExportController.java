package org.parkatlas.exchange;

import org.springframework.http.HttpHeaders;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * {@code GET /api/export/parkatlas.gpkg}: the whole park as one GeoPackage, for QGIS, GDAL and other GIS tools; with
 * {@code ETag}, {@code Last-Modified} and byte ranges, so it opens in place over {@code /vsicurl/}.
 */
@RestController
class ExportController {


    private final GeoPackageFiles files;

    ExportController(GeoPackageFiles files) {
        this.files = files;
    }

    @GetMapping("/api/export/parkatlas.gpkg")
    ResponseEntity<Resource> geoPackage(jakarta.servlet.http.HttpServletRequest request) throws IOException {
        GeoPackageFiles.Built built = files.forNow(org.parkatlas.http.RequestAudience.of(request));
        // Spring answers If-None-Match / If-Modified-Since with 304 and a Range with 206 for a Resource body
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(org.parkatlas.http.Http.GEOPACKAGE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parkatlas.gpkg\"")
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag(built.etag())
                .lastModified(built.lastModified())
                .body(new FileSystemResource(built.file()));
    }
}
