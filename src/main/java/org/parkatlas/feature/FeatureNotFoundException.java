package org.parkatlas.feature;

import org.parkatlas.catalog.Label;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;

/** A feature, a version of one or a collection that is not there (HTTP 404), said in zh-CN and English. */
public class FeatureNotFoundException extends Problem {

    public FeatureNotFoundException(Label text) {
        super(404, ProblemType.NOT_FOUND, Label.of("未找到", "Not found"), text, null);
    }
}
