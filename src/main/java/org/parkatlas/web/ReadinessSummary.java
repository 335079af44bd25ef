package org.parkatlas.web;

import org.parkatlas.catalog.Catalog;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.readiness.ParcelReadiness;
import org.parkatlas.readiness.ReadinessService;
import org.parkatlas.store.FeatureStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Parcels and mu that are ready, partly ready and not ready on a day, per zone (三区) and per industrial park. */
@Component
class ReadinessSummary {

    private final Catalog catalog;
    private final FeatureStore store;
    private final ReadinessService readiness;

    ReadinessSummary(Catalog catalog, FeatureStore store, ReadinessService readiness) {
        this.catalog = catalog;
        this.store = store;
        this.readiness = readiness;
    }

    /** Parcels and mu in one state of readiness. */
    record Totals(long parcels, double mu) {
    }

    /** One zone or industrial park: how many of its parcels are ready, partly ready, not ready. */
    record Group(Object code, Label name, Totals ready, Totals partly, Totals none) {
    }

    record Summary(LocalDate asOf, List<Group> zones, List<Group> industrialParks) {
    }

    Summary of(LocalDate day) {
        return of(new org.parkatlas.feature.ReadContext(day, null));
    }

    /** The same inside a scenario when the read names one. */
    Summary of(org.parkatlas.feature.ReadContext context) {
        LocalDate day = context.day();
        List<Feature> parcels = read(ParkLayer.PARCELS);
        java.util.Map<String, ParcelReadiness> answers = readiness.all(context);
        return new Summary(day, groups(read(ParkLayer.ZONES), parcels, "zone", day, answers),
                groups(read(ParkLayer.INDUSTRIAL_PARKS), parcels, "industrial_park", day, answers));
    }

    private List<Group> groups(List<Feature> groups, List<Feature> parcels, String key, LocalDate day,
                               java.util.Map<String, ParcelReadiness> answers) {
        List<Group> result = new ArrayList<>();
        for (Feature group : groups) {
            Object code = group.property("code");
            double[][] totals = new double[3][2]; // ready, partly, none × parcels, mu
            for (Feature parcel : parcels) {
                if (!code.equals(parcel.property(key))) {
                    continue;
                }
                ParcelReadiness r = answers.get(parcel.id());
                int state = r == null || r.metOn(day) == 0 ? 2 : r.readyOn(day) ? 0 : 1;
                totals[state][0]++;
                totals[state][1] += parcel.property("area_mu") instanceof Number n ? n.doubleValue() : 0;
            }
            Label name = Label.of(String.valueOf(group.property("name")),
                    String.valueOf(group.properties().getOrDefault("name_en", group.property("name"))));
            result.add(new Group(code, name, totals(totals[0]), totals(totals[1]), totals(totals[2])));
        }
        return result;
    }

    private static Totals totals(double[] t) {
        return new Totals((long) t[0], Math.round(t[1] * 100) / 100.0);
    }

    private List<Feature> read(ParkLayer layer) {
        return store.query(catalog.require(layer), FeatureQuery.all()).features();
    }
}
