/**
 * Utility and road networks as graphs built from their lines (管网): lines connect where they share a vertex within
 * a snapping tolerance, and each line learns from when it is in service and connected to a working source. Start from
 * {@link org.parkatlas.network.UtilityNetwork}. Knows nothing of parcels, HTTP or SQL.
 */
package org.parkatlas.network;
