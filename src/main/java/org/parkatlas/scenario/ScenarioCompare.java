package org.parkatlas.scenario;

import org.parkatlas.catalog.Audience;
import org.parkatlas.catalog.Label;
import org.parkatlas.catalog.ParkLayer;
import org.parkatlas.feature.Feature;
import org.parkatlas.feature.FeatureQuery;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.feature.filter.Filter;
import org.parkatlas.pipeline.ProjectsOnParcels;
import org.parkatlas.readiness.ReadinessService;
import org.parkatlas.store.FeatureSources;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a scenario with the park as planned ({@link ScenarioComparison}): reads the parcels, both readiness
 * answers and the projects on the parcels, and names the zones and industrial parks the totals are for.
 */
@Service
public class ScenarioCompare {

    private final Scenarios scenarios;
    private final ReadinessService readiness;
    private final FeatureSources sources;
    private final ProjectsOnParcels projects;

    ScenarioCompare(Scenarios scenarios, ReadinessService readiness, FeatureSources sources,
                    ProjectsOnParcels projects) {
        this.scenarios = scenarios;
        this.readiness = readiness;
        this.sources = sources;
        this.projects = projects;
    }

    /** The comparison, and the names of the places its totals are grouped by (by code). */
    public record Answer(Scenario scenario, ScenarioComparison.Result result, Map<String, Label> zones,
                         Map<String, Label> industrialParks) {

        /** Only the parcels of these supply statuses (e.g. {@code available}: what is promised to investors). */
        public Answer onlyStatuses(java.util.Set<String> statuses) {
            return new Answer(scenario, result.onlyStatuses(statuses), zones, industrialParks);
        }
    }

    public Answer compare(String scenarioId, LocalDate asOf, Audience audience) {
        Scenario scenario = scenarios.require(scenarioId, audience);
        ReadContext planned = new ReadContext(asOf, audience);
        List<ScenarioComparison.Parcel> parcels = new ArrayList<>();
        sources.of(ParkLayer.PARCELS).stream(new FeatureQuery(Filter.INCLUDE, List.of("code", "status", "zone",
                "industrial_park", "area_mu", "area_m2"), List.of(), 0, Integer.MAX_VALUE), planned, f -> parcels.add(
                new ScenarioComparison.Parcel(f.id(), text(f, "code"), text(f, "status"), text(f, "zone"),
                        text(f, "industrial_park"), number(f, "area_mu"), number(f, "area_m2"))));
        ScenarioComparison.Result result = ScenarioComparison.of(parcels, readiness.all(planned),
                readiness.all(planned.inScenario(scenario.id())), projects::on, asOf);
        return new Answer(scenario, result, names(ParkLayer.ZONES, planned), names(ParkLayer.INDUSTRIAL_PARKS,
                planned));
    }

    private Map<String, Label> names(ParkLayer layer, ReadContext context) {
        Map<String, Label> names = new LinkedHashMap<>();
        sources.of(layer).stream(new FeatureQuery(Filter.INCLUDE, List.of("code", "name", "name_en"), List.of(), 0,
                Integer.MAX_VALUE), context, f -> {
            String zh = text(f, "name");
            String en = text(f, "name_en");
            names.put(text(f, "code"), Label.of(zh, en == null ? zh : en));
        });
        return names;
    }

    private static String text(Feature f, String name) {
        Object value = f.property(name);
        return value == null ? null : value.toString();
    }

    private static double number(Feature f, String name) {
        return f.property(name) instanceof Number n ? n.doubleValue() : 0;
    }
}
