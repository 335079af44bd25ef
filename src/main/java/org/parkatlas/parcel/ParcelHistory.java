package org.parkatlas.parcel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a parcel's versions are kept, live or retired (the {@code parcel_history} table). */
public interface ParcelHistory {

    /** Keeps a version; joins the caller's transaction, so the change and its history commit together. */
    void record(ParcelVersion version);

    /** A parcel's versions, oldest first. */
    List<ParcelVersion> versions(String parcelId);

    Optional<ParcelVersion> version(String parcelId, long version);

    /** Whether any version of the parcel is kept. */
    boolean has(String parcelId);

    /** The last version kept of each of these parcels that has any. */
    Map<String, Long> lastVersions(Collection<String> parcelIds);
}
