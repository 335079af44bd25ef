package org.parkatlas.ogcapi;

import org.parkatlas.http.ApiException;
import org.parkatlas.http.Http;
import org.parkatlas.catalog.Label;
import org.parkatlas.http.AsOf;
import org.locationtech.jts.geom.Envelope;
import org.parkatlas.catalog.Attribute;
import org.parkatlas.catalog.AttributeType;
import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Layer;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.Limits;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.SortKey;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.feature.filter.Filter.Operator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of {@code /collections/{id}/items} parsed into a {@link FeatureQuery}: {@code bbox},
 * {@code limit}, {@code offset}, {@code datetime} and one equality filter per queryable property
 * ({@code ?status=available}), and {@code sortby} ({@code sortby=-area_mu,+code}: OGC API Features Part 8). Every
 * parameter is checked; anything unknown or malformed is a 400 that names it.
 */
final class ItemsRequest {

    private static final Set<String> STANDARD = Set.of("bbox", "bbox-crs", "limit", "offset", "datetime", "f", "crs",
            "filter", "filter-lang", "filter-crs", "as_of", "sortby", "properties", "skipGeometry", Http.LANG,
            org.parkatlas.readiness.ScenarioParameter.NAME);
    /** Sort keys in one request: more than a result list's columns, few enough to stay an index's business. */
    private static final int MAX_SORT_KEYS = 5;

    private ItemsRequest() {
    }

    /**
     * What an items request asks: the query, the CRS to answer in, the day derived attributes are as of, the
     * properties every feature carries, and whether geometries are left out.
     */
    record Parsed(FeatureQuery query, Crs crs, ReadContext context, List<String> properties, boolean skipGeometry) {
    }

    /** The properties a reader sees on every feature of the layer, in the catalogue's order. */
    static List<String> shownProperties(Layer layer, Audience audience) {
        return layer.attributesFor(audience).stream().map(Attribute::name).toList();
    }

    /**
     * {@code properties} (OGC API Features Part 6 draft): the comma-separated properties to return, each one the
     * reader may see; none given, all of them.
     */
    static List<String> properties(Layer layer, String text, Audience audience) {
        if (text == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue; // "properties=" asks for none
            }
            if (layer.attribute(name, audience).isEmpty()) {
                throw ApiException.badParameter("properties", Label.of("“" + name + "”不是 " + layer.id()
                        + " 的属性（见 /ogcapi/collections/" + layer.id() + "/queryables）", "\"" + name
                        + "\" is not a property of " + layer.id() + " (see /ogcapi/collections/" + layer.id()
                        + "/queryables)"));
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** {@code skipGeometry=true} leaves geometries out; {@code false}, what clients send by default, changes nothing. */
    static boolean skipGeometry(String text) {
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badParameter("skipGeometry", Label.of("skipGeometry 须为 true 或 false，而不是“" + text
                + "”", "skipGeometry is true or false, not \"" + text + "\""));
    }

    /**
     * @param storedBounds the bounds of the layer's features in its storage CRS (empty for none), asked only for a
     *                     bbox across the antimeridian
     */
    static Parsed parse(Layer layer, Map<String, String[]> parameters, Limits limits, Audience audience,
                        java.util.function.Supplier<java.util.Optional<Envelope>> storedBounds) {
        List<Filter> filters = new ArrayList<>();
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String name = entry.getKey();
            if (entry.getValue().length > 1) {
                throw ApiException.badParameter(name, Label.of("参数 " + name + " 给了不止一次",
                        "the parameter " + name + " is given more than once"));
            }
            if (STANDARD.contains(name)) {
                continue;
            }
            Attribute attribute = layer.attribute(name, audience).orElseThrow(() -> ApiException.badParameter(name, Label.of(
                    "未知的查询参数“" + name + "”：可用 bbox、bbox-crs、limit、offset、datetime、crs、filter、filter-lang、"
                            + "filter-crs、as_of、scenario、lang、f 或 " + layer.id() + " 的属性（见 /ogcapi/collections/"
                            + layer.id() + "/queryables）",
                    "unknown query parameter \"" + name + "\": use bbox, bbox-crs, limit, offset, datetime, crs, "
                            + "filter, filter-lang, filter-crs, as_of, scenario, lang, f or a property of " + layer.id()
                            + " (see /ogcapi/collections/" + layer.id() + "/queryables)")));
            filters.add(Filter.compare(attribute.name(), Operator.EQ,
                    PropertyValues.parse(attribute, entry.getValue()[0], name)));
        }
        Crs storage = CrsRegistry.bySrid(layer.storageSrid()).orElseThrow();
        String bbox = first(parameters, "bbox");
        Crs bboxCrs = crsParameter(parameters, "bbox-crs");
        if (bboxCrs != null && bbox == null) {
            throw ApiException.badParameter("bbox-crs", Label.of("bbox-crs 说明 bbox 的坐标参考系，但没有 bbox",
                    "bbox-crs says the CRS of a bbox, but there is no bbox"));
        }
        if (bbox != null) {
            filters.add(bboxFilter(bbox, bboxCrs == null ? Crs.CRS84 : bboxCrs, storage, storedBounds));
        }
        String datetime = first(parameters, "datetime");
        if (datetime != null && layer.temporalProperty() != null) {
            filters.add(datetimeFilter(layer.temporalProperty(), datetime));
        }
        filters.add(FilterParameters.parse(layer, first(parameters, "filter"), first(parameters, "filter-lang"),
                crsParameter(parameters, "filter-crs"), limits, audience));
        checkFormat(first(parameters, "f"));
        Crs crs = crsParameter(parameters, "crs");
        List<String> properties = properties(layer, first(parameters, "properties"), audience);
        return new Parsed(new FeatureQuery(Filter.and(filters), properties, sortBy(layer, first(parameters, "sortby"),
                audience), parseOffset(first(parameters, "offset")), parseLimit(first(parameters, "limit"))),
                crs == null ? Crs.CRS84 : crs, new ReadContext(asOf(first(parameters, "as_of")), audience),
                properties == null ? shownProperties(layer, audience) : properties,
                skipGeometry(first(parameters, "skipGeometry")));
    }

    /**
     * {@code sortby}: comma-separated queryables, each ascending or with a leading {@code +} (ascending) or {@code -}
     * (descending); the feature id breaks ties, so pages never overlap. Derived attributes sort too; nulls go last.
     */
    static List<SortKey> sortBy(Layer layer, String text, Audience audience) {
        if (text == null) {
            return List.of();
        }
        List<SortKey> keys = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String key = part.strip();
            boolean ascending = !key.startsWith("-");
            String name = key.startsWith("-") || key.startsWith("+") ? key.substring(1).strip() : key;
            if (name.isEmpty()) {
                throw ApiException.badParameter("sortby", Label.of("sortby 中有空的排序键：请写 sortby=-area_mu,code 这样的形式",
                        "sortby has an empty key: write it like sortby=-area_mu,code"));
            }
            if (layer.attribute(name, audience).isEmpty()) { // ties go by id, ascending, always
                throw ApiException.badParameter("sortby", Label.of("无法按“" + name + "”排序：它不是 " + layer.id()
                        + " 的属性（见 /ogcapi/collections/" + layer.id() + "/queryables）", "cannot sort by \"" + name
                        + "\": it is not a property of " + layer.id() + " (see /ogcapi/collections/" + layer.id()
                        + "/queryables)"));
            }
            if (layer.attribute(name).orElseThrow().type() == AttributeType.CODE_LIST) {
                throw ApiException.badParameter("sortby", Label.of("无法按“" + name + "”排序：它是代码列表",
                        "cannot sort by \"" + name + "\": it is a list of codes"));
            }
            if (keys.stream().anyMatch(k -> k.property().equals(name))) {
                throw ApiException.badParameter("sortby", Label.of("“" + name + "”在 sortby 中出现了两次",
                        "\"" + name + "\" appears twice in sortby"));
            }
            keys.add(new SortKey(name, ascending));
        }
        if (keys.size() > MAX_SORT_KEYS) {
            throw ApiException.badParameter("sortby", Label.of("sortby 最多 " + MAX_SORT_KEYS + " 个排序键",
                    "sortby takes " + MAX_SORT_KEYS + " keys at most"));
        }
        return keys;
    }

    /** A CRS given by URI (or a safe CURIE) in a query parameter; null when absent; 400 when not supported. */
    static Crs crsParameter(Map<String, String[]> parameters, String name) {
        String value = first(parameters, name);
        if (value == null) {
            return null;
        }
        String supported = String.join(", ", CrsRegistry.supported().stream().map(Crs::uri).toList());
        return CrsRegistry.find(value).orElseThrow(() -> ApiException.badParameter(name, Label.of(name + "=" + value
                + " 不是 ParkAtlas 支持的坐标参考系；可用：" + supported, name + "=" + value
                + " is not a CRS ParkAtlas supports; use one of " + supported)));
    }

    /** The {@code as_of} day of derived attributes such as readiness (see {@link AsOf}). */
    static LocalDate asOf(String text) {
        return AsOf.parse(text);
    }

    static void checkFormat(String f) {
        if (f != null && !f.equals("json") && !f.equals("geojson")) {
            throw ApiException.badParameter("f", Label.of("f=" + f + " 不是本 API 提供的格式；请用 f=json",
                    "f=" + f + " is not a format this API serves; use f=json"));
        }
    }

    static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    static int parseLimit(String text) {
        if (text == null) {
            return OgcApi.DEFAULT_LIMIT;
        }
        long limit = parseWhole("limit", text);
        if (limit < 1) {
            throw ApiException.badParameter("limit", Label.of("limit 至少为 1，而不是 " + text,
                    "limit must be at least 1, not " + text));
        }
        // Above the maximum the page is capped, not refused, as OGC API Features asks.
        return (int) Math.min(limit, OgcApi.MAX_LIMIT);
    }

    static long parseOffset(String text) {
        if (text == null) {
            return 0;
        }
        long offset = parseWhole("offset", text);
        if (offset < 0) {
            throw ApiException.badParameter("offset", Label.of("offset 不能为负数，而不是 " + text,
                    "offset must not be negative, not " + text));
        }
        return offset;
    }

    private static long parseWhole(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, Label.of(name + " 须为整数，而不是“" + text + "”",
                    name + " must be a whole number, not \"" + text + "\""));
        }
    }

    /**
     * A bbox in {@code crs}, its corners in that CRS's axis order ({@code minLon,minLat,maxLon,maxLat} in CRS84,
     * {@code minLat,minLon,…} in EPSG:4326 and 4490, {@code minN,minE,…} in EPSG:4546), or the 6-number form with
     * heights; answered as an envelope in x/y order.
     */
    /** Metres beyond any projected coordinate on Earth (Web Mercator ends at ±20 037 508 m). */
    private static final double MAX_PROJECTED = 4e7;

    /**
     * The bbox as a filter in the storage CRS. In a geographic CRS a west edge east of the east edge means the box
     * crosses the antimeridian (Part 1, 7.15.3): it is two boxes, each cut to where the layer's features are before it
     * is moved into the storage CRS, since a projection for China has no meaningful image of longitude 177°.
     */
    private static Filter bboxFilter(String text, Crs crs, Crs storage,
                                     java.util.function.Supplier<java.util.Optional<Envelope>> storedBounds) {
        double[] corners = bboxCorners(text, crs); // minX, minY, maxX, maxY as given
        if (corners[0] <= corners[2]) {
            Envelope box = new Envelope(corners[0], corners[2], corners[1], corners[3]);
            return Filter.intersects(Reprojector.transform(Reprojector.densified(box), crs, storage));
        }
        java.util.Optional<Envelope> bounds = storedBounds.get();
        if (bounds.isEmpty()) {
            return new Filter.Exclude();
        }
        Envelope where = Reprojector.transform(bounds.get(), storage, crs);
        List<Filter> parts = new ArrayList<>();
        for (Envelope part : List.of(new Envelope(corners[0], 180, corners[1], corners[3]),
                new Envelope(-180, corners[2], corners[1], corners[3]))) {
            Envelope near = part.intersection(where);
            if (!near.isNull()) {
                parts.add(Filter.intersects(Reprojector.transform(Reprojector.densified(near), crs, storage)));
            }
        }
        return parts.isEmpty() ? new Filter.Exclude() : parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
    }

    /**
     * The bbox's corners {minX, minY, maxX, maxY} in x = easting/longitude order, checked; in a geographic CRS
     * the west edge may lie east of the east edge (across the antimeridian).
     */
    static double[] bboxCorners(String text, Crs crs) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiException.badParameter("bbox", Label.of("bbox 须为 4 个数 minLon,minLat,maxLon,maxLat（含高度时为 6 个），"
                    + "而不是“" + text + "”", "bbox must be 4 numbers minLon,minLat,maxLon,maxLat (or 6 with "
                    + "heights), not \"" + text + "\""));
        }
        double[] n = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ApiException.badParameter("bbox", Label.of("bbox 第 " + (i + 1) + " 个值“" + parts[i]
                        + "”不是数", "bbox value " + (i + 1) + " \"" + parts[i] + "\" is not a number"));
            }
            if (!Double.isFinite(n[i])) {
                throw ApiException.badParameter("bbox", Label.of("bbox 的值须为有限的数", "bbox values must be finite numbers"));
            }
        }
        int half = parts.length / 2;
        int x = crs.swapsAxes() ? 1 : 0;
        int y = 1 - x;
        double minX = n[x];
        double minY = n[y];
        double maxX = n[half + x];
        double maxY = n[half + y];
        if (!crs.geographic() && Arrays.stream(n).anyMatch(v -> Math.abs(v) > MAX_PROJECTED)) {
            throw ApiException.badParameter("bbox", Label.of("bbox 的坐标参考系为 " + crs.label()
                    + "：坐标须在 ±4×10⁷ 米之内", "bbox is in " + crs.label()
                    + ": coordinates within ±40 000 000 m"));
        }
        if (crs.geographic() && (minY < -90 || maxY > 90 || minX < -180 || maxX > 180)) {
            throw ApiException.badParameter("bbox", Label.of("bbox 的坐标参考系为 " + crs.label()
                    + "：经度须在 -180..180、纬度须在 -90..90 之内", "bbox is in " + crs.label()
                    + ": longitudes within -180..180 and latitudes within -90..90"));
        }
        if (minY > maxY) {
            String axis = crs.geographic() ? "latitude " : "y ";
            throw ApiException.badParameter("bbox", Label.of("bbox 的下边界 " + minY + " 高于上边界 " + maxY,
                    "the bbox's lower " + axis + minY + " is above its upper " + axis + maxY));
        }
        if (minX > maxX && !crs.geographic()) {
            throw ApiException.badParameter("bbox", Label.of("bbox 的西边界 " + minX + " 在东边界 " + maxX + " 以东",
                    "the bbox's west x " + minX + " is east of its east x " + maxX));
        }
        return new double[]{minX, minY, maxX, maxY};
    }

    /** An instant or a closed/half-bounded interval ({@code ..}) over the layer's date property. */
    static Filter datetimeFilter(String property, String text) {
        String[] parts = text.split("/", -1);
        if (parts.length == 1) {
            return Filter.compare(property, Operator.EQ, parseDate(parts[0]));
        }
        if (parts.length != 2) {
            throw ApiException.badParameter("datetime", Label.of("datetime 须为时刻或区间 start/end，而不是“" + text
                    + "”", "datetime must be an instant or an interval start/end, not \"" + text + "\""));
        }
        List<Filter> bounds = new ArrayList<>();
        if (!isOpen(parts[0])) {
            bounds.add(Filter.compare(property, Operator.GE, parseDate(parts[0])));
        }
        if (!isOpen(parts[1])) {
            bounds.add(Filter.compare(property, Operator.LE, parseDate(parts[1])));
        }
        if (bounds.isEmpty()) {
            throw ApiException.badParameter("datetime", Label.of("datetime \"../..\" 没有限定任何范围",
                    "datetime \"../..\" bounds nothing"));
        }
        return Filter.and(bounds);
    }

    private static boolean isOpen(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static LocalDate parseDate(String text) {
        try {
            if (text.length() > 10) {
                return OffsetDateTime.parse(text).toLocalDate();
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("datetime", Label.of("“" + text + "”不是 RFC 3339 日期或日期时间"
                    + "（如 2027-06-30 或 2027-06-30T00:00:00Z）", "\"" + text + "\" is not an RFC 3339 date or "
                    + "date-time (e.g. 2027-06-30 or 2027-06-30T00:00:00Z)"));
        }
    }
}
