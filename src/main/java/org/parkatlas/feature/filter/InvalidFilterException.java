package org.parkatlas.feature.filter;

import org.parkatlas.catalog.Label;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;

import java.util.Map;

/** A filter that parses but cannot be applied to the layer: an unknown property, values of mismatched types … */
public class InvalidFilterException extends Problem {

    public InvalidFilterException(String message) {
        this(Label.of("过滤条件无效：" + message, message));
    }

    public InvalidFilterException(Label message) {
        super(400, ProblemType.INVALID_FILTER, Label.of("过滤条件无效", "Invalid filter"), message,
                Map.of("parameter", "filter"));
    }
}
