package org.parkatlas.parcel;

import org.locationtech.jts.geom.Polygon;
import org.parkatlas.editing.RuleViolation;

import java.util.List;

/**
 * One topology rule of the parcel layer, as a named operation in the JTS shape: it takes a valid simple polygon in
 * metres and its surroundings and answers every way the parcel breaks it, each with where.
 */
interface ParcelRule {

    List<RuleViolation> check(Polygon parcel, Surroundings around);
}
