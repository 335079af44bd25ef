package org.parkatlas.exchange;

import org.parkatlas.problem.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Layer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.parkatlas.catalog.Label;
import org.parkatlas.feature.FeatureNotFoundException;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * {@code POST /api/collections/{id}/import}: a GeoJSON FeatureCollection (CRS84) or a GeoPackage as the request body
 * replaces ({@code mode=replace}, the default) or adds to ({@code mode=append}) a layer, in one transaction.
 * Signed-in writers only.
 */
@RestController
class ImportController {

    private final Catalog catalog;
    private final FeatureImporter importer;

    ImportController(Catalog catalog, FeatureImporter importer) {
        this.catalog = catalog;
        this.importer = importer;
    }

    @PostMapping(value = "/api/collections/{collectionId}/import", consumes = {"application/geo+json",
            "application/json", "application/geopackage+sqlite3", "application/octet-stream"})
    FeatureImporter.Result importInto(@PathVariable String collectionId,
                                      @RequestParam(defaultValue = "replace") String mode,
                                      @RequestParam(required = false) String table,
                                      HttpServletRequest request, java.security.Principal user) throws IOException {
        Layer layer = catalog.find(collectionId).orElseThrow(() -> new FeatureNotFoundException(Label.of(
                "没有图层“" + collectionId + "”", "there is no collection \"" + collectionId + "\"")));
        FeatureImporter.Mode importMode = parseMode(mode);
        Path folder = Files.createTempDirectory("parkatlas-import");
        Path file = folder.resolve("upload");
        try (InputStream body = request.getInputStream()) {
            long size = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            if (size == 0) {
                throw new InvalidInputException("", Label.of("请求体为空：请发送 GeoJSON 要素集合或 GeoPackage 文件",
                        "the request body is empty: send a GeoJSON FeatureCollection or a GeoPackage file"));
            }
            return importer.importFile(layer, file, importMode, table, user.getName(), (read, what) -> { });
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    private static FeatureImporter.Mode parseMode(String mode) {
        try {
            return FeatureImporter.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problem(400, ProblemType.INVALID_REQUEST, Label.of("查询参数无效", "Invalid query parameter"),
                    Label.of("mode 须为 replace 或 append，而不是“" + mode + "”", "mode must be replace or append, not \""
                            + mode + "\""), java.util.Map.of("parameter", "mode"));
        }
    }
}
