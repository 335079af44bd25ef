package org.parkatlas.editing;

import org.parkatlas.catalog.Label;

/**
 * What a write did to a feature, in the words a parcel's history uses: drawn (create), edited (edit), split, merged,
 * retired, or loaded from a file or the seed data (import). Restoring a version is an edit or, for a retired parcel,
 * a create; its note says which version came back.
 */
public enum WriteOperation {
    CREATE("新建", "created"), EDIT("修改", "edited"), SPLIT("分割", "split"), MERGE("合并", "merged"),
    RETIRE("注销", "retired"), IMPORT("导入", "imported");

    private final Label label;

    WriteOperation(String zh, String en) {
        this.label = Label.of(zh, en);
    }

    /** How the history panel names the operation. */
    public Label label() {
        return label;
    }

    /** The lower-case id used in the history API and in the catalogue's vocabulary, e.g. {@code edit}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static WriteOperation ofId(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
