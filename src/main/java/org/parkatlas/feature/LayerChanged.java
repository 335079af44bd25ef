package org.parkatlas.feature;

/**
 * Published after a write to a layer has been committed (an edit through the API, an import, the seeding), so that
 * what is derived from it — readiness — is worked out again before the next read.
 *
 * @param featureId the one feature that changed, or null when many did
 */
public record LayerChanged(String layerId, String featureId) {

    /** A change to many features of the layer at once (an import, the seeding). */
    public LayerChanged(String layerId) {
        this(layerId, null);
    }
}
