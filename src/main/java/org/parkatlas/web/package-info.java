/**
 * The web map's own API: {@code /api/map/config} tells the page (served from {@code frontend/}) the park's extent, the
 * basemap, the layer catalogue with its labels and the server's vocabulary (operations, rules, readiness items);
 * {@code /api/readiness/…} and {@code /api/parcels/{id}/readiness} serve the readiness view. Start from
 * {@code MapConfigController}.
 */
package org.parkatlas.web;
