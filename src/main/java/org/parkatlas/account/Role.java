package org.parkatlas.account;

import java.util.Locale;

/**
 * What a person may do. A planner edits parcels and their attributes; an analyst reads everything; an admin manages
 * accounts and may do all a planner does. Anonymous visitors read the public map.
 */
enum Role {
    ADMIN, PLANNER, ANALYST;

    /** The id stored and shown: {@code admin}, {@code planner}, {@code analyst}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
