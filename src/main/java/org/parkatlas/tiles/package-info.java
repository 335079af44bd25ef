/**
 * Vector tiles: the park's layers cut into Mapbox Vector Tiles on the OGC WebMercatorQuad tile matrix set, with the
 * attributes every reader sees (derived ones included, internal ones for staff only), cached per state of the data.
 * {@link org.parkatlas.tiles.TileService} is the door; the OGC API – Tiles endpoints live with the rest of the API.
 */
package org.parkatlas.tiles;
