/**
 * Parcels (地块) and standard land (标准地), end to end. Every write to the parcel layer — drawn, reshaped or retired
 * through the OGC API or the map, split, merged, restored, imported — goes through the one write path, to which this
 * module contributes the layer's rules ({@link org.parkatlas.parcel.TopologyCheck}: each rule a named operation
 * returning violations with where) and where a parcel lies ({@link org.parkatlas.parcel.ParcelLocation}: zone and
 * industrial park from the geometry), and its history. Start from {@link org.parkatlas.parcel.ParcelService}; the
 * HTTP adapter and the history table live in {@code internal}.
 */
package org.parkatlas.parcel;
