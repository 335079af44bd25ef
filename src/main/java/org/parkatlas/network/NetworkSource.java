package org.parkatlas.network;

import org.locationtech.jts.geom.Point;

import java.time.LocalDate;

/** Where a network is fed from (a sewage plant, a substation, a park gateway …) and from when it works. */
public record NetworkSource(String id, String name, String status, Point location, LocalDate inService) {
}
