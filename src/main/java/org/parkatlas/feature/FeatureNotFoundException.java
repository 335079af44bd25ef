package org.parkatlas.feature;

import org.parkatlas.catalog.Label;

/** A feature, or a version of one, that is not there (HTTP 404), said in zh-CN and English. */
public class FeatureNotFoundException extends RuntimeException {

    private final Label text;

    public FeatureNotFoundException(Label text) {
        super(text.en());
        this.text = text;
    }

    public Label text() {
        return text;
    }
}
