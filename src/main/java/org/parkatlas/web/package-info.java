/**
 * The web map's own API: {@code /api/map/config} tells the page (served from {@code frontend/}) the park's extent,
 * the basemap and the layer catalogue with its labels. Start from {@code MapConfigController}.
 */
package org.parkatlas.web;
