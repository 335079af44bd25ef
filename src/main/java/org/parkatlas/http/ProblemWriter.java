package org.parkatlas.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.locationtech.jts.geom.Geometry;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Language;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.CrsRegistry;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.geojson.GeoJsonGeometry;
import org.parkatlas.problem.Problem;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one writer of RFC 9457 problem+json, for Spring MVC's handlers, Spring Security's and the container's own
 * error page alike: type, title, status, detail and instance, then the problem's own members — words in the
 * request's language, geometries as GeoJSON in CRS84 for a map to draw. Nothing internal (a class name, a stack
 * trace, SQL) is ever written.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    /** The problem as the body's members, in {@code language}. */
    public static Map<String, Object> body(Problem problem, Language language, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title().in(language));
        body.put("status", problem.status());
        body.put("detail", problem.detail().in(language));
        if (instance != null) {
            body.put("instance", instance);
        }
        problem.members().forEach((name, value) -> body.putIfAbsent(name, member(value, language)));
        return body;
    }

    /** Writes the problem as the whole response, for callers outside Spring MVC (security, the error page). */
    public static void write(Problem problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Language language = RequestLanguage.of(request);
        response.setStatus(problem.status());
        response.setContentType(Http.PROBLEM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", language.tag());
        JSON.writeValue(response.getOutputStream(), body(problem, language, instance(request)));
    }

    /** The path the problem is about: the original one when the container forwarded to its error page. */
    static String instance(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        return original != null ? original.toString() : request.getRequestURI();
    }

    private static Object member(Object value, Language language) {
        if (value instanceof Label label) {
            return label.in(language);
        }
        if (value instanceof Geometry geometry) {
            // a problem's geometries are in the storage CRS; an operation's result often carries no SRID (0), which
            // must not be read as CRS84's
            Crs storage = geometry.getSRID() > 0 ? CrsRegistry.bySrid(geometry.getSRID())
                    .orElse(Crs.CGCS2000_GK_CM_111E) : Crs.CGCS2000_GK_CM_111E;
            return GeoJsonGeometry.toMap(Reprojector.transform(geometry, storage, Crs.CRS84));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), member(v, language)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(member(v, language)));
            return out;
        }
        return value;
    }
}
