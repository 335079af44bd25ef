package org.parkatlas.network;

import org.locationtech.jts.geom.Point;

import java.time.LocalDate;

/**
 * Where a network is fed from (a sewage plant, a substation, a park gateway …) and from when it works; {@code nameEn}
 * falls back to {@code name}.
 */
public record NetworkSource(String id, String name, String nameEn, String status, Point location,
                            LocalDate inService) {

    public NetworkSource {
        nameEn = nameEn == null || nameEn.isBlank() ? name : nameEn;
    }

    public NetworkSource(String id, String name, String status, Point location, LocalDate inService) {
        this(id, name, null, status, location, inService);
    }
}
