package org.parkatlas.enquiry;

import java.util.List;
import java.util.Optional;

/** Where enquiries are kept: the feature store's own database, whichever dialect it speaks. */
public interface Enquiries {

    void add(Enquiry enquiry);

    /** Newest first. */
    List<Enquiry> all();

    Optional<Enquiry> find(String id);

    /** False when there is no such enquiry. */
    boolean update(Enquiry enquiry);
}
