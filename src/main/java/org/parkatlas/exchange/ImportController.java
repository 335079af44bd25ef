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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/collections/{id}/import}: a GeoJSON FeatureCollection (CRS84), a GeoPackage, a zipped Shapefile,
 * a FlatGeobuf, an ASCII DXF or a CSV as the request body replaces ({@code mode=replace}, the default) or adds to
 * ({@code mode=append}) a layer, in one transaction. {@code table} picks a GeoPackage table or a shapefile in the
 * zip; a CSV ({@code text/csv}) is in CRS84 unless {@code crs} says otherwise; a DXF's layers map to attributes with {@code dxf_layers}, {@code dxf_layer_attribute},
 * {@code dxf_label_attribute} and {@code dxf_set=attribute:value}. Signed-in writers only.
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
            "application/json", "application/geopackage+sqlite3", "application/zip", "application/x-zip-compressed",
            "application/flatgeobuf", "image/vnd.dxf", "application/dxf", "application/x-dxf", "text/csv",
            "application/octet-stream"})
    FeatureImporter.Result importInto(@PathVariable String collectionId,
                                      @RequestParam(defaultValue = "replace") String mode,
                                      @RequestParam(required = false) String table,
                                      @RequestParam(name = "dxf_layers", required = false) String dxfLayers,
                                      @RequestParam(name = "dxf_layer_attribute", required = false)
                                      String dxfLayerAttribute,
                                      @RequestParam(name = "dxf_label_attribute", required = false)
                                      String dxfLabelAttribute,
                                      @RequestParam(name = "dxf_set", required = false) List<String> dxfSet,
                                      @RequestParam(required = false) String crs,
                                      HttpServletRequest request, java.security.Principal user) throws IOException {
        Layer layer = catalog.find(collectionId).orElseThrow(() -> new FeatureNotFoundException(Label.of(
                "没有图层“" + collectionId + "”", "there is no collection \"" + collectionId + "\"")));
        FeatureImporter.Mode importMode = parseMode(mode);
        DxfFeatureReader.Mapping dxf = new DxfFeatureReader.Mapping(dxfLayers == null ? Set.of()
                : new java.util.LinkedHashSet<>(Arrays.stream(dxfLayers.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList()), attribute(layer, "dxf_layer_attribute", dxfLayerAttribute),
                attribute(layer, "dxf_label_attribute", dxfLabelAttribute), fixedValues(layer, dxfSet));
        Path folder = Files.createTempDirectory("parkatlas-import");
        Path file = folder.resolve("upload");
        try (InputStream body = request.getInputStream()) {
            long size = Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            if (size == 0) {
                throw new InvalidInputException("", Label.of("请求体为空：请发送 GeoJSON 要素集合、GeoPackage、"
                        + "Shapefile（zip）、FlatGeobuf 或 DXF 文件", "the request body is empty: send a GeoJSON "
                        + "FeatureCollection, a GeoPackage, a zipped Shapefile, a FlatGeobuf or a DXF file"));
            }
            return importer.importFile(layer, file, importMode, new FeatureImporter.Options(table, dxf,
                    csvCrs(crs), isCsv(request)), user.getName(), (read, what) -> { });
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    private static boolean isCsv(HttpServletRequest request) {
        return request.getContentType() != null && request.getContentType().toLowerCase(Locale.ROOT)
                .startsWith("text/csv");
    }

    /** The CRS a CSV's coordinates are in ({@code crs}, as for OGC items); CRS84 when not given. */
    private static org.parkatlas.crs.Crs csvCrs(String crs) {
        if (crs == null || crs.isBlank()) {
            return null;
        }
        return org.parkatlas.crs.CrsRegistry.find(crs).orElseThrow(() -> badParameter("crs", Label.of("“" + crs
                + "”不是支持的坐标参考系", "\"" + crs + "\" is not a supported CRS")));
    }

    /** A writable attribute of the layer named by a DXF mapping parameter, or null when not given. */
    private static String attribute(Layer layer, String parameter, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String attribute = name.strip();
        if (layer.attribute(attribute).isEmpty() || layer.isDerived(attribute)) {
            throw badParameter(parameter, Label.of(parameter + "：图层 " + layer.id() + " 没有可写的属性“" + attribute
                    + "”", parameter + ": " + layer.id() + " has no writable attribute \"" + attribute + "\""));
        }
        return attribute;
    }

    /** {@code dxf_set=status:planned}: a value every feature of the drawing gets unless it brings its own. */
    private static Map<String, String> fixedValues(Layer layer, List<String> pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw badParameter("dxf_set", Label.of("dxf_set 须为“属性:值”，而不是“" + pair + "”",
                        "dxf_set is \"attribute:value\", not \"" + pair + "\""));
            }
            values.put(attribute(layer, "dxf_set", pair.substring(0, colon)), pair.substring(colon + 1));
        }
        return values;
    }

    private static Problem badParameter(String parameter, Label detail) {
        return new Problem(400, ProblemType.INVALID_REQUEST, Label.of("查询参数无效", "Invalid query parameter"),
                detail, java.util.Map.of("parameter", parameter));
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
