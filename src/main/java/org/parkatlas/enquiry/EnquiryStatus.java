package org.parkatlas.enquiry;

import org.parkatlas.catalog.Label;

import java.util.Arrays;
import java.util.Optional;

/** Where the investment bureau has got with an enquiry. */
public enum EnquiryStatus {
    NEW("new", Label.of("待联系", "New")),
    CONTACTED("contacted", Label.of("已联系", "Contacted")),
    CLOSED("closed", Label.of("已办结", "Closed"));

    private final String id;
    private final Label label;

    EnquiryStatus(String id, Label label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public Label label() {
        return label;
    }

    public static Optional<EnquiryStatus> of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
