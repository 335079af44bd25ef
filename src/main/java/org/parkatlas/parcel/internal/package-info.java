/**
 * The parcel module's adapters, reachable from nowhere else: its HTTP endpoints ({@code /api/parcels/…}) and its
 * history table ({@code parcel_history}).
 */
package org.parkatlas.parcel.internal;
