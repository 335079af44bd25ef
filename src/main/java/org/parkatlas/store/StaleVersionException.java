package org.parkatlas.store;

import org.parkatlas.catalog.Label;
import org.parkatlas.problem.Problem;
import org.parkatlas.problem.ProblemType;

import java.util.Map;

/**
 * A write that started from an older version of a feature than the one stored: someone else changed it meanwhile.
 * Nothing was written; the client must look at the current version first (412, with the current ETag).
 */
public class StaleVersionException extends Problem {

    private final String featureId;
    private final long expectedVersion;
    private final long currentVersion;

    public StaleVersionException(String featureId, long expectedVersion, long currentVersion) {
        super(412, ProblemType.CHANGED_BY_SOMEONE_ELSE, Label.of("已被他人修改", "Changed by someone else"), Label.of(
                "要素 " + featureId + " 当前为第 " + currentVersion + " 版，而不是第 " + expectedVersion
                        + " 版：读取之后已被他人修改；未写入任何内容",
                "feature " + featureId + " is at version " + currentVersion + ", not " + expectedVersion
                        + ": it was changed by someone else since you read it; nothing was written"),
                Map.of("featureId", featureId, "currentETag", "\"" + currentVersion + "\""));
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
