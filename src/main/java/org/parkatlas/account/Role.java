package org.parkatlas.account;

import java.util.Locale;

/**
 * What a person may do. A planner edits parcels and their attributes; an analyst reads everything but negotiations;
 * the investment bureau (招商, {@code investment}) keeps the investment pipeline, negotiations included; an admin
 * manages accounts and may do all the others do. Anonymous visitors read the public map.
 */
enum Role {
    ADMIN, PLANNER, ANALYST, INVESTMENT;

    /** The id stored and shown: {@code admin}, {@code planner}, {@code analyst}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
