package org.parkatlas.feature;

/**
 * Published after a write to a layer has been committed (an edit through the API, an import, the seeding), so that
 * what is derived from it — readiness — is worked out again before the next read.
 */
public record LayerChanged(String layerId) {
}
