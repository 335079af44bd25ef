package org.parkatlas.catalog;

/**
 * Who a read is for. The park's site is public — investors reach it without an account — but some of what the
 * bureau records is not for them (who bought a parcel, what was said in a negotiation). Every door that shows
 * attributes asks the audience first: anonymous readers are {@link #PUBLIC}, signed-in park staff {@link #STAFF}.
 */
public enum Audience {
    /** Anyone, signed in or not: sees public attributes only, and cannot filter or sort by the others. */
    PUBLIC,
    /** A signed-in account of the park's own staff (analyst, planner, admin): sees every attribute. */
    STAFF;

    public boolean sees(Attribute attribute) {
        return this == STAFF || !attribute.internal();
    }
}
