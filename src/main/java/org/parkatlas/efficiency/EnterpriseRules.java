package org.parkatlas.efficiency;

import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.Layer;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.editing.LayerRules;
import org.parkatlas.editing.ParkView;
import org.parkatlas.editing.RuleViolation;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.store.FeatureStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the firms and their figures, on every write (an import of a year's CSV included): a firm's parcels
 * exist; a year's figures belong to a firm that exists, and a firm has one row of figures a year.
 */
@Component
class EnterpriseRules implements LayerRules {

    static final String PARCELS = "enterprise-parcels";
    static final String FIRM = "figures-enterprise";
    static final String ONE_A_YEAR = "figures-one-a-year";

    private final FeatureStore store;

    EnterpriseRules(FeatureStore store) {
        this.store = store;
    }

    @Override
    public boolean appliesTo(Layer layer) {
        return ParkLayer.ENTERPRISES.is(layer) || ParkLayer.ENTERPRISE_FIGURES.is(layer);
    }

    @Override
    public Map<String, Label> ruleNames() {
        return Map.of(PARCELS, Label.of("企业用地", "Enterprise land"), FIRM, Label.of("数据所属企业",
                "Whose figures"), ONE_A_YEAR, Label.of("每年一组数据", "One row a year"));
    }

    @Override
    public List<RuleViolation> check(Layer layer, Feature written, ParkView park) {
        List<RuleViolation> broken = new ArrayList<>();
        if (ParkLayer.ENTERPRISES.is(layer)) {
            List<String> codes = written.property("parcel_codes") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
            List<String> missing = missing(park, ParkLayer.PARCELS, codes);
            if (!missing.isEmpty()) {
                broken.add(new RuleViolation(PARCELS, Label.of("没有编号为 " + String.join("、", missing) + " 的地块",
                        "there is no parcel " + String.join(", ", missing)), List.of(), null,
                        "/properties/parcel_codes"));
            }
            return broken;
        }
        String firm = String.valueOf(written.property("enterprise_code"));
        if (!missing(park, ParkLayer.ENTERPRISES, List.of(firm)).isEmpty()) {
            broken.add(new RuleViolation(FIRM, Label.of("没有编号为 " + firm + " 的企业", "there is no enterprise "
                    + firm), List.of(), null, "/properties/enterprise_code"));
        }
        List<String> same = new ArrayList<>();
        store.stream(layer, FeatureQuery.filtered(Filter.and(List.of(Filter.compare("enterprise_code",
                Filter.Operator.EQ, firm), Filter.compare("fiscal_year", Filter.Operator.EQ, written.property("fiscal_year"))))),
                f -> same.add(f.id()));
        same.remove(written.id());
        if (!same.isEmpty()) {
            broken.add(new RuleViolation(ONE_A_YEAR, Label.of(firm + " 已有 " + written.property("fiscal_year")
                    + " 年的数据（" + same.get(0) + "）", firm + " has figures for " + written.property("fiscal_year")
                    + " already (" + same.get(0) + ")"), same, null, "/properties/fiscal_year"));
        }
        return broken;
    }

    private static List<String> missing(ParkView park, ParkLayer layer, List<String> codes) {
        Set<String> found = park.codes(layer, codes);
        return codes.stream().filter(c -> !found.contains(c)).toList();
    }
}
