package org.parkatlas.http;

import org.parkatlas.catalog.Label;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;
import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A request an HTTP adapter refuses before any module sees it — a malformed parameter or header, an unknown
 * collection — with its status, title, detail and extra members (e.g. the offending parameter).
 */
public class ApiException extends Problem {

    public ApiException(HttpStatus status, String type, Label title, Label detail, Map<String, Object> extra) {
        super(status.value(), type, title, detail, extra);
    }

    public static ApiException badParameter(String parameter, Label detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                Label.of("查询参数无效", "Invalid query parameter"), detail, Map.of("parameter", parameter));
    }

    public static ApiException notFound(Label detail) {
        return new ApiException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, Label.of("未找到", "Not found"), detail,
                null);
    }
}
