package org.parkatlas.catalog;

/**
 * Who a read is for. The park's site is public — investors reach it without an account — but some of what the
 * bureau records is not for them (who bought a parcel), and some not even for all its staff (what was said in a
 * negotiation). Every door that shows attributes or features asks the audience first: anonymous readers are
 * {@link #PUBLIC}, signed-in park staff {@link #STAFF}, the investment bureau (招商) and admins {@link #INVESTMENT}.
 * Each audience sees all that the ones before it see.
 */
public enum Audience {
    /** Anyone, signed in or not: sees public attributes only, and cannot filter or sort by the others. */
    PUBLIC,
    /** A signed-in account of the park's own staff (analyst, planner): sees the bureau's internal records. */
    STAFF,
    /** The investment bureau (the {@code investment} role) and admins: also sees negotiations with investors. */
    INVESTMENT;

    public boolean sees(Attribute attribute) {
        return ordinal() >= attribute.audience().ordinal();
    }

    /** Whether this audience sees at least what {@code other} sees. */
    public boolean includes(Audience other) {
        return ordinal() >= other.ordinal();
    }
}
