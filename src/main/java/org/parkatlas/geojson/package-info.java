/**
 * The one GeoJSON (RFC 7946) geometry codec, {@link org.parkatlas.geojson.GeoJsonGeometry}: read with the JSON Pointer
 * of whatever is wrong, written in a CRS's own axis order and precision. The OGC API, the map's API, imports and
 * CQL2 JSON all read and write geometries through it.
 */
package org.parkatlas.geojson;
