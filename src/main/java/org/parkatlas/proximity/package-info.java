/**
 * How far each parcel lies from what an investor asks about first: the nearest park gateway (a road marked
 * {@code gateway}) and the nearest facility of each kind (sewage plant, substation …), in metres in the storage CRS,
 * worked out when parcels are read ({@link org.parkatlas.proximity.Proximity}) and so filterable and sortable like
 * any attribute. Straight-line distances between the parcel's edge and the work, not route lengths.
 */
package org.parkatlas.proximity;
