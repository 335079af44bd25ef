package org.parkatlas.web;

import org.parkatlas.catalog.Catalog;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.readiness.ParcelReadiness;
import org.parkatlas.readiness.ReadinessService;
import org.parkatlas.store.FeatureStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    Map<String, Object> of(LocalDate day) {
        List<Feature> parcels = read("parcels");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", day);
        body.put("zones", groups(read("zones"), parcels, "zone", day));
        body.put("industrialParks", groups(read("industrial-parks"), parcels, "industrial_park", day));
        return body;
    }

    private List<Map<String, Object>> groups(List<Feature> groups, List<Feature> parcels, String key,
                                             LocalDate day) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Feature group : groups) {
            Object code = group.property("code");
            double[][] totals = new double[3][2]; // ready, partly, none × parcels, mu
            for (Feature parcel : parcels) {
                if (!code.equals(parcel.property(key))) {
                    continue;
                }
                ParcelReadiness r = readiness.of(parcel.id()).orElse(null);
                int state = r == null || r.metOn(day) == 0 ? 2 : r.readyOn(day) ? 0 : 1;
                totals[state][0]++;
                totals[state][1] += parcel.property("area_mu") instanceof Number n ? n.doubleValue() : 0;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", code);
            row.put("name", Map.of("zh", String.valueOf(group.property("name")),
                    "en", String.valueOf(group.properties().getOrDefault("name_en", group.property("name")))));
            row.put("ready", totals(totals[0]));
            row.put("partly", totals(totals[1]));
            row.put("none", totals(totals[2]));
            result.add(row);
        }
        return result;
    }

    private static Map<String, Object> totals(double[] t) {
        return Map.of("parcels", (long) t[0], "mu", Math.round(t[1] * 100) / 100.0);
    }

    private List<Feature> read(String layer) {
        return store.query(catalog.require(layer), FeatureQuery.all()).features();
    }
}
