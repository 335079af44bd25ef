package org.parkatlas.problem;

import org.parkatlas.catalog.Label;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something the service answers with an error instead of a result (RFC 9457 problem details): the HTTP status, a
 * type URI naming the kind of problem, a title and a detail in zh-CN and English, and members of its own (where in
 * the request it is, the rules broken …). Every refusal the service makes is one of these, whichever module finds
 * it; one writer at the HTTP edge turns it into {@code application/problem+json} in the request's language. Member
 * values may be {@link Label}s (written in that language) and JTS geometries in the storage CRS (written as GeoJSON
 * in CRS84), also inside lists and maps.
 */
public class Problem extends RuntimeException {

    private final int status;
    private final String type;
    private final Label title;
    private final Label detail;
    private final Map<String, Object> members;

    public Problem(int status, String type, Label title, Label detail, Map<String, Object> members) {
        super(detail.en());
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.members = members == null ? Map.of() : new LinkedHashMap<>(members);
    }

    public int status() {
        return status;
    }

    /** The problem's type, a URI from {@link ProblemType}. */
    public String type() {
        return type;
    }

    public Label title() {
        return title;
    }

    public Label detail() {
        return detail;
    }

    public Map<String, Object> members() {
        return members;
    }
}
