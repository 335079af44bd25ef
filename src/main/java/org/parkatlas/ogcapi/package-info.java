/**
 * OGC API Features (Parts 1–4) at {@code /ogcapi}: landing page, conformance, collections, items, queryables and
 * transactions. A read goes controller → parse parameters ({@code ItemsRequest}, {@code FilterParameters}) → the
 * layer's {@link org.parkatlas.store.FeatureSource} → stream GeoJSON ({@code FeatureJsonWriter}); a write goes through
 * the one write path ({@link org.parkatlas.editing.FeatureWriter}). The OGC vocabulary is in
 * {@link org.parkatlas.ogcapi.OgcApi}; errors are problems ({@code org.parkatlas.problem}) written by the HTTP kit.
 */
package org.parkatlas.ogcapi;
