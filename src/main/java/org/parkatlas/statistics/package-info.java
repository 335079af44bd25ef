/**
 * Statistics of a layer for analysts: its features, filtered by the same CQL2 as every reader, grouped by one or two
 * attributes (stored or derived — zone, status, readiness tier …) with each group's count, area in mu and the sum,
 * mean, minimum and maximum of chosen numeric attributes ({@link org.parkatlas.statistics.Statistics}). The HTTP
 * door, {@code GET /api/stats/{collection}} answering JSON or CSV, lives in {@code internal}.
 */
package org.parkatlas.statistics;
