package org.parkatlas.store;

/**
 * A write that started from an older version of a feature than the one stored: someone else changed it meanwhile.
 * Nothing was written; the client must look at the current version first.
 */
public class StaleVersionException extends RuntimeException {

    private final String featureId;
    private final long expectedVersion;
    private final long currentVersion;

    public StaleVersionException(String featureId, long expectedVersion, long currentVersion) {
        super("feature " + featureId + " is at version " + currentVersion + ", not " + expectedVersion
                + ": it was changed by someone else since you read it");
        this.featureId = featureId;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public String featureId() {
        return featureId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
