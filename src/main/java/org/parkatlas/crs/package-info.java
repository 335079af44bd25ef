/**
 * Coordinate reference systems: CGCS2000 (EPSG:4490) and its 3-degree Gauss-Krüger zone at 111°E (EPSG:4546), in
 * which the park is stored and measured, plus CRS84, WGS84 and Web Mercator for clients. Start from
 * {@link org.parkatlas.crs.Reprojector}; {@link org.parkatlas.crs.CrsRegistry} says what is supported.
 */
package org.parkatlas.crs;
