/**
 * Parcels (地块) and standard land (标准地): their area in m² and mu ({@link org.parkatlas.parcel.LandArea}); later
 * their control indicators, topology rules and editing.
 */
package org.parkatlas.parcel;
