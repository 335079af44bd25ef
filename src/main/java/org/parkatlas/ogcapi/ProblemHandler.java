package org.parkatlas.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import org.parkatlas.crs.Crs;
import org.parkatlas.crs.Reprojector;
import org.parkatlas.catalog.Language;
import org.parkatlas.editing.RuleViolation;
import org.parkatlas.editing.RuleViolationException;
import org.parkatlas.feature.FeatureNotFoundException;
import org.parkatlas.http.ETags;
import org.parkatlas.http.RequestLanguage;
import org.parkatlas.exchange.GeoJsonGeometry;
import org.parkatlas.exchange.InvalidInputException;
import org.parkatlas.feature.filter.InvalidFilterException;
import org.parkatlas.store.StaleVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where errors become RFC 9457 problem+json: ours ({@link ApiException}, {@link InvalidInputException})
 * and Spring's (unknown path, wrong method, unacceptable media type). An unexpected failure is logged with its stack
 * trace here and answered with a plain 500 that shows none.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        e.extra().forEach(problem::setProperty);
        return respond(problem, request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.unprocessable() ? HttpStatus.UNPROCESSABLE_CONTENT
                : HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(e.unprocessable() ? "Feature not accepted" : "Invalid input");
        problem.setProperty("pointer", e.pointer());
        return respond(problem, request);
    }

    /**
     * Every broken rule, in the request's language, each with the feature it is about (a JSON Pointer into the
     * request) and where it is broken; {@code pointer} names the first, for clients that read only one.
     */
    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException e, HttpServletRequest request) {
        Language language = RequestLanguage.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, String.join(
                language == Language.EN ? "; " : "；", e.violations().stream().map(v -> v.message().in(language))
                        .toList()));
        problem.setTitle(language == Language.EN ? "Feature not accepted" : "要素未被接受");
        problem.setProperty("pointer", e.violations().get(0).pointer());
        problem.setProperty("violations", e.violations().stream().map(v -> violation(v, language)).toList());
        return respond(problem, request);
    }

    @ExceptionHandler(ETags.UnusableIfMatchException.class)
    ResponseEntity<Object> unusableIfMatch(ETags.UnusableIfMatchException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, "If-Match "
                + e.getMessage() + " is not an ETag this server gave; read the feature again for its current ETag");
        problem.setTitle("Changed by someone else");
        problem.setProperty("header", "If-Match");
        return respond(problem, request);
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<Object> stale(StaleVersionException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage()
                + "; nothing was written");
        problem.setTitle("Changed by someone else");
        problem.setProperty("featureId", e.featureId());
        problem.setProperty("currentETag", "\"" + e.currentVersion() + "\"");
        return respond(problem, request);
    }

    @ExceptionHandler(InvalidFilterException.class)
    ResponseEntity<Object> invalidFilter(InvalidFilterException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid filter");
        problem.setProperty("parameter", "filter");
        return respond(problem, request);
    }

    /** A broken rule with where it is broken as GeoJSON in CRS84, for the map to draw. */
    private static Map<String, Object> violation(RuleViolation v, Language language) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rule", v.rule());
        out.put("message", v.message().in(language));
        out.put("pointer", v.pointer());
        if (!v.conflicting().isEmpty()) {
            out.put("features", v.conflicting());
        }
        if (v.where() != null && !v.where().isEmpty()) {
            out.put("geometry", GeoJsonGeometry.toMap(Reprojector.transform(v.where(), Crs.CGCS2000_GK_CM_111E,
                    Crs.CRS84)));
        }
        return out;
    }

    @ExceptionHandler(FeatureNotFoundException.class)
    ResponseEntity<Object> notFound(FeatureNotFoundException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                e.text().in(RequestLanguage.of(request)));
        problem.setTitle("Not found");
        return respond(problem, request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "a feature with one of these ids already exists; nothing was written");
        problem.setTitle("Conflict");
        return respond(problem, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "ParkAtlas could not answer this request because of an internal error; it has been logged.");
        problem.setTitle("Internal error");
        return respond(problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            HttpHeaders out = new HttpHeaders();
            out.putAll(response.getHeaders());
            out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, out, response.getStatusCode());
        }
        return response;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
