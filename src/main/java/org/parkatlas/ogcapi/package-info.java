/**
 * OGC API Features (Part 1: Core, GeoJSON, OpenAPI 3.0) at {@code /ogcapi}: landing page, conformance, collections
 * and items. A request goes controller → parse parameters ({@code ItemsRequest}) → store query → stream GeoJSON
 * ({@code FeatureJsonWriter}). The OGC vocabulary is in {@link org.parkatlas.ogcapi.OgcApi}; errors are
 * {@link org.parkatlas.ogcapi.ApiException}s, written as RFC 9457 problem+json in one place ({@code ProblemHandler}).
 */
package org.parkatlas.ogcapi;
