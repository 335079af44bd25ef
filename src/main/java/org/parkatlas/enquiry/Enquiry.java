package org.parkatlas.enquiry;

import org.parkatlas.catalog.Language;

import java.time.Instant;
import java.util.List;

/**
 * One enquiry as kept: what the sender wrote (see {@link EnquiryForm}), when it came, in which language the sender
 * reads, and where the bureau has got with it — by whom and when last changed.
 */
public record Enquiry(String id, Instant receivedAt, String name, String organisation, String contact,
                      String industry, Double landNeedMu, String message, List<String> parcels, Language language,
                      EnquiryStatus status, String statusBy, Instant statusAt) {

    public Enquiry {
        parcels = List.copyOf(parcels);
    }

    public Enquiry withStatus(EnquiryStatus next, String by, Instant at) {
        return new Enquiry(id, receivedAt, name, organisation, contact, industry, landNeedMu, message, parcels,
                language, next, by, at);
    }
}
