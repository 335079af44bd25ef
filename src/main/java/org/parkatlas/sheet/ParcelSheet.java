package org.parkatlas.sheet;

import org.parkatlas.feature.Feature;
import org.parkatlas.proximity.Proximity;

import java.time.LocalDate;
import java.util.List;

/**
 * One parcel as its sheet shows it, as of a day: the parcel (with its derived attributes), the zone and industrial
 * park it lies in (null where none), the standardized factory buildings on it, and the nearest works.
 */
public record ParcelSheet(Feature parcel, Feature zone, Feature industrialPark, List<Feature> buildings,
                          List<Proximity.Nearest> nearest, LocalDate asOf) {

    public ParcelSheet {
        buildings = List.copyOf(buildings);
        nearest = List.copyOf(nearest);
    }
}
