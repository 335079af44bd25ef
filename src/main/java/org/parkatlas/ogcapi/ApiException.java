package org.parkatlas.ogcapi;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A request the API answers with an error: it carries its HTTP status, a short title, a detail a person can act on
 * and optional extra members (e.g. the offending parameter), and is written as RFC 9457 problem+json.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> extra;

    public ApiException(HttpStatus status, String title, String detail, Map<String, Object> extra) {
        super(detail);
        this.status = status;
        this.title = title;
        this.extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid query parameter", detail,
                Map.of("parameter", parameter));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}
