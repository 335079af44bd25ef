package org.parkatlas.network;

import org.locationtech.jts.geom.LineString;

import java.time.LocalDate;

/**
 * A line of a network (a pipe, a cable, a road centreline) with the date from which it is in service: null when no
 * date is foreseen (a plan without a schedule), {@link Schedule#ALWAYS} when it has been in service since before any
 * record. {@code status} and {@code name} are kept only to explain answers.
 */
public record NetworkLine(String id, String name, String status, LineString geometry, LocalDate inService) {
}
