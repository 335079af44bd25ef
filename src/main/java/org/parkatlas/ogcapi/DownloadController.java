package org.parkatlas.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.exchange.Csv;
import org.parkatlas.exchange.FeatureFiles;
import org.parkatlas.exchange.FileExport;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.Limits;
import org.parkatlas.http.ApiException;
import org.parkatlas.http.RequestAudience;
import org.parkatlas.store.FeatureSource;
import org.parkatlas.store.FeatureSources;
import org.parkatlas.store.FeatureStore;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/export/{collection}.{format}}: a layer, or what a filter leaves of it, as a file to download. The
 * request is read as an items request ({@code filter}, {@code filter-lang}, {@code filter-crs}, {@code bbox},
 * {@code crs}, {@code properties}, {@code sortby}, {@code as_of}; every match unless {@code limit} says otherwise),
 * so a download holds exactly what the map or QGIS showed. Formats: {@code geojson}, and {@code csv} (UTF-8 with a
 * BOM so Excel reads the Chinese; the geometry as WKT, or with {@code geometry=xy} as x/y columns of each feature's
 * representative point, lon/lat in CRS84), {@code gpkg}, {@code shp.zip} (UTF-8, or {@code encoding=gbk}),
 * {@code fgb} and {@code dxf} (always EPSG:4546 metres) — see {@link FeatureFiles}.
 */
@RestController
class DownloadController {

    /** What this door writes; each is a whole implementation, none a promise. */
    static final List<String> FORMATS = List.of("geojson", "csv", "gpkg", "shp.zip", "fgb", "dxf");

    private final Catalog catalog;
    private final FeatureSources sources;
    private final FeatureStore store;
    private final Limits limits;

    private final org.parkatlas.readiness.ScenarioParameter scenarios;

    DownloadController(Catalog catalog, FeatureSources sources, FeatureStore store, Limits limits,
                       org.parkatlas.readiness.ScenarioParameter scenarios) {
        this.scenarios = scenarios;
        this.catalog = catalog;
        this.sources = sources;
        this.store = store;
        this.limits = limits;
    }

    @GetMapping("/api/export/{collectionId:[a-z][a-z0-9-]*}.{format:.+}")
    void download(@PathVariable String collectionId, @PathVariable String format, HttpServletRequest request,
                  HttpServletResponse response) throws IOException {
        Layer layer = Layers.require(catalog, collectionId);
        if (!FORMATS.contains(format)) {
            throw ApiException.badParameter("format", Label.of("“" + format + "”不是可下载的格式；可用："
                    + String.join("、", FORMATS), "\"" + format + "\" is not a download format; use "
                    + String.join(", ", FORMATS)));
        }
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        Charset charset = shapefileEncoding(format, parameters.remove("encoding"));
        Optional<FeatureFiles.Format> file = FeatureFiles.byExtension(format);
        if (file.isPresent() && file.get().fixedToProjectedCrs()) {
            String[] crs = parameters.get("crs");
            if (crs != null && !CrsRegistry.find(crs[0]).equals(Optional.of(Crs.CGCS2000_GK_CM_111E))) {
                throw ApiException.badParameter("crs", Label.of("DXF 总是采用 EPSG:4546（CGCS2000 3 度带 111°E，米）",
                        "DXF is always in EPSG:4546 (CGCS2000 GK 3° CM 111°E, metres)"));
            }
            parameters.put("crs", new String[] {Crs.CGCS2000_GK_CM_111E.uri()});
        }
        String geometry = parameters.containsKey("geometry") ? parameters.remove("geometry")[0] : "wkt";
        if (!format.equals("csv") && !geometry.equals("wkt") || !geometry.equals("wkt") && !geometry.equals("xy")) {
            throw ApiException.badParameter("geometry", Label.of("geometry 须为 wkt 或 xy（仅 CSV）",
                    "geometry is wkt or xy (CSV only)"));
        }
        boolean paged = parameters.containsKey("limit");
        Audience audience = RequestAudience.of(request);
        ItemsRequest.Parsed parsed = ItemsRequest.parse(layer, parameters, limits, audience, () -> store.bounds(layer));
        ReadContext context = parsed.context().inScenario(scenarios.check(request.getParameter(
                org.parkatlas.readiness.ScenarioParameter.NAME), audience));
        FeatureQuery query = paged ? parsed.query() : parsed.query().page(parsed.query().offset(), Integer.MAX_VALUE);
        FeatureSource source = sources.of(layer);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + layer.id() + "." + format
                + "\"");
        response.setHeader(OgcApi.CONTENT_CRS, "<" + parsed.crs().uri() + ">");
        if (file.isPresent()) {
            List<Feature> features = new ArrayList<>();
            source.stream(query, context, features::add);
            List<Attribute> attributes = parsed.properties().stream()
                    .map(name -> layer.attribute(name).orElseThrow()).toList();
            response.setContentType(file.get().mediaType());
            FeatureFiles.write(file.get(), new FileExport(layer, attributes, parsed.crs(), features), charset,
                    response.getOutputStream());
        } else if (format.equals("geojson")) {
            response.setContentType(OgcApi.GEOJSON);
            response.setCharacterEncoding("UTF-8");
            long matched = source.count(query.filter(), context);
            new FeatureJsonWriter(layer, parsed.crs(), parsed.properties(), !parsed.skipGeometry()).writeCollection(
                    response.getOutputStream(), sink -> source.stream(query, context, sink), matched,
                    List.of());
        } else {
            writeCsv(response, layer, source, query, parsed, context, geometry.equals("xy"));
        }
    }

    private static void writeCsv(HttpServletResponse response, Layer layer, FeatureSource source, FeatureQuery query,
                                 ItemsRequest.Parsed parsed, ReadContext context, boolean xy) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        Crs storage = CrsRegistry.bySrid(layer.storageSrid()).orElseThrow();
        Crs output = parsed.crs();
        boolean geometry = !parsed.skipGeometry() && source.layer().spatial(); // a catalogue has no geometry column
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        Csv.begin(out);
        List<String> header = new ArrayList<>();
        header.add("id");
        header.addAll(parsed.properties());
        if (geometry) {
            if (xy) {
                header.add(output.geographic() ? "lon" : "x");
                header.add(output.geographic() ? "lat" : "y");
            } else {
                header.add("geometry");
            }
        }
        Csv.line(out, header);
        WKTWriter wkt = new WKTWriter();
        wkt.setPrecisionModel(new org.locationtech.jts.geom.PrecisionModel(output.geographic() ? 1e7 : 1e3));
        List<String> names = parsed.properties();
        source.stream(query, context, feature -> {
            List<String> cells = new ArrayList<>(header.size());
            cells.add(feature.id());
            for (String name : names) {
                cells.add(Csv.text(feature.property(name)));
            }
            if (geometry) {
                Geometry shown = Reprojector.transform(feature.geometry(), storage, output);
                if (xy) {
                    org.locationtech.jts.geom.Point point = shown.getInteriorPoint();
                    cells.add(coordinate(point.getX(), output));
                    cells.add(coordinate(point.getY(), output));
                } else {
                    cells.add(wkt.write(shown));
                }
            }
            try {
                Csv.line(out, cells);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** A Shapefile's text: UTF-8 (with a .cpg saying so), or GBK for older Chinese desktop GIS. */
    private static Charset shapefileEncoding(String format, String[] given) {
        if (given == null) {
            return StandardCharsets.UTF_8;
        }
        String value = given[0].trim().toLowerCase(Locale.ROOT);
        if (!format.equals("shp.zip") || !value.equals("utf-8") && !value.equals("gbk")) {
            throw ApiException.badParameter("encoding", Label.of("encoding 须为 utf-8 或 gbk（仅 Shapefile）",
                    "encoding is utf-8 or gbk (Shapefile only)"));
        }
        return Charset.forName(value);
    }

    private static String coordinate(double value, Crs crs) {
        return String.format(Locale.ROOT, crs.geographic() ? "%.7f" : "%.3f", value);
    }
}
