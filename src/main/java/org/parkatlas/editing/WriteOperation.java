package org.parkatlas.editing;

/**
 * What a write did to a feature, in the words a parcel's history uses: drawn (create), edited (edit), split, merged,
 * retired, or loaded from a file or the seed data (import). Restoring a version is an edit or, for a retired parcel,
 * a create; its note says which version came back.
 */
public enum WriteOperation {
    CREATE, EDIT, SPLIT, MERGE, RETIRE, IMPORT;

    /** The lower-case id used in the history API and in the catalogue's vocabulary, e.g. {@code edit}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static WriteOperation ofId(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
