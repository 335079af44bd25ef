package org.parkatlas.scenario;

import org.junit.jupiter.api.Test;
import org.parkatlas.pipeline.Project;
import org.parkatlas.pipeline.Stage;
import org.parkatlas.readiness.ItemAssessment;
import org.parkatlas.readiness.ParcelReadiness;
import org.parkatlas.readiness.ReadinessItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison worked by hand on six parcels, one of each way a day can move (and one that does not): the change,
 * the days, the items, the totals per zone, and which projects on slipping parcels have their start at risk.
 */
class ScenarioComparisonTest {

    private static final LocalDate AS_OF = LocalDate.parse("2025-03-01");
    private static final List<ReadinessItem> ITEMS = List.of(ReadinessItem.ROAD, ReadinessItem.WATER,
            ReadinessItem.SEWER);

    private final Map<String, ParcelReadiness> baseline = new HashMap<>();
    private final Map<String, ParcelReadiness> scenario = new HashMap<>();
    private final List<ScenarioComparison.Parcel> parcels = new ArrayList<>();

    /** A parcel with its road, water and sewer days as planned ({@code then}) and in the scenario ({@code now}). */
    private void parcel(String code, String zone, double mu, String[] then, String[] now) {
        String id = "parcel-" + code;
        parcels.add(new ScenarioComparison.Parcel(id, code, "available", zone, "IP1", mu, mu * 666.67));
        baseline.put(id, readiness(id, code, then));
        scenario.put(id, readiness(id, code, now));
    }

    private static ParcelReadiness readiness(String id, String code, String[] days) {
        List<ItemAssessment> items = new ArrayList<>();
        for (int i = 0; i < ITEMS.size(); i++) {
            items.add(new ItemAssessment(ITEMS.get(i), days[i] == null ? null : LocalDate.parse(days[i]), null, null,
                    null, null, null, 50, null, null));
        }
        return new ParcelReadiness(id, code, items);
    }

    private static Project project(String code, String parcel, Stage stage, Map<Stage, LocalDate> reached,
                                   String plannedStart) {
        return new Project("p-" + code, code, code, null, null, stage, reached,
                plannedStart == null ? null : LocalDate.parse(plannedStart), null, null, null, null, null,
                List.of(parcel));
    }

    @Test
    void eachWayADayCanMoveIsNamedCountedAndItsProjectsJudged() {
        parcel("A", "Z1", 10, new String[]{"2020-01-01", "2020-01-01", "2024-12-31"},
                new String[]{"2020-01-01", "2020-01-01", "2025-06-30"});               // slips 181 days
        parcel("B", "Z1", 20, new String[]{"2020-01-01", "2027-01-01", "2024-12-31"},
                new String[]{"2020-01-01", "2027-01-01", "2025-06-30"});               // sewer moves, water decides
        parcel("C", "Z2", 30, new String[]{"2020-01-01", "2020-01-01", "2024-12-31"},
                new String[]{null, "2020-01-01", "2024-12-31"});                       // the road no longer comes
        parcel("D", "Z2", 40, new String[]{"2020-01-01", "2028-06-30", "2020-01-01"},
                new String[]{"2020-01-01", "2026-06-30", "2020-01-01"});               // earlier by 730 days
        parcel("E", "Z2", 50, new String[]{"2020-01-01", "2020-01-01", null},
                new String[]{"2020-01-01", "2020-01-01", "2026-12-31"});               // serviced at last
        parcel("F", "Z1", 60, new String[]{"2020-01-01", "2020-01-01", "2020-01-01"},
                new String[]{"2020-01-01", "2020-01-01", "2020-01-01"});               // untouched
        Map<String, List<Project>> onParcels = Map.of(
                "A", List.of(project("SIGNED", "A", Stage.SIGNED, Map.of(Stage.NEGOTIATING,
                        LocalDate.parse("2024-01-01"), Stage.SIGNED, LocalDate.parse("2024-06-01")), "2025-03-01"),
                        project("BUILDING", "A", Stage.UNDER_CONSTRUCTION, Map.of(Stage.NEGOTIATING,
                                LocalDate.parse("2023-01-01"), Stage.SIGNED, LocalDate.parse("2023-06-01"),
                                Stage.UNDER_CONSTRUCTION, LocalDate.parse("2024-01-01")), "2024-01-01"),
                        project("LATER", "A", Stage.SIGNED, Map.of(Stage.NEGOTIATING, LocalDate.parse("2024-01-01"),
                                Stage.SIGNED, LocalDate.parse("2024-06-01")), "2025-09-01")),
                "D", List.of(project("GAINS", "D", Stage.SIGNED, Map.of(Stage.SIGNED, LocalDate.parse("2024-06-01")),
                        "2025-01-01")));

        ScenarioComparison.Result result = ScenarioComparison.of(parcels, baseline, scenario,
                code -> onParcels.getOrDefault(code, List.of()), AS_OF);

        Map<String, ScenarioComparison.Row> rows = new HashMap<>();
        result.rows().forEach(r -> rows.put(r.parcel().code(), r));
        assertThat(rows).doesNotContainKey("F");
        assertThat(result.rows().stream().map(r -> r.parcel().code()))
                .as("lost first, then slips (the longest first), earlier, found, items only")
                .containsExactly("C", "A", "D", "E", "B");

        ScenarioComparison.Row a = rows.get("A");
        assertThat(a.change()).isEqualTo(ScenarioComparison.Change.SLIPS);
        assertThat(a.days()).isEqualTo(181);
        assertThat(a.readyOnDayBaseline()).isTrue();
        assertThat(a.readyOnDayScenario()).isFalse();
        assertThat(a.items()).singleElement().satisfies(i -> {
            assertThat(i.item()).isEqualTo(ReadinessItem.SEWER);
            assertThat(i.days()).isEqualTo(181);
        });
        // signed, planned to start before the new day: at risk; building already: not; planned after it: not
        assertThat(a.projects()).extracting(p -> p.project().code() + "=" + p.startAtRisk())
                .containsExactly("SIGNED=true", "BUILDING=false", "LATER=false");
        assertThat(rows.get("B").change()).isEqualTo(ScenarioComparison.Change.ITEMS_ONLY);
        assertThat(rows.get("B").days()).isZero();
        assertThat(rows.get("C").change()).isEqualTo(ScenarioComparison.Change.NEVER);
        assertThat(rows.get("C").days()).isNull();
        assertThat(rows.get("C").scenario()).isNull();
        assertThat(rows.get("D").change()).isEqualTo(ScenarioComparison.Change.GAINS);
        assertThat(rows.get("D").days()).isEqualTo(-731);
        assertThat(rows.get("D").projects()).as("only slipping parcels' projects are at risk").isEmpty();
        assertThat(rows.get("E").change()).isEqualTo(ScenarioComparison.Change.NEWLY_DATED);
        assertThat(result.projectsAtRisk()).hasSize(3);

        // ready on 2025-03-01 as planned: A, C, F (B waits for water, D for 2028, E has no sewer); inside: F only
        ScenarioComparison.Totals park = result.park();
        assertThat(park.parcels()).isEqualTo(6);
        assertThat(park.readyBaseline()).isEqualTo(3);
        assertThat(park.readyBaselineMu()).isEqualTo(100.0);
        assertThat(park.readyScenario()).isEqualTo(1);
        assertThat(park.readyScenarioMu()).isEqualTo(60.0);
        assertThat(park.slipping()).as("A slips, C is lost").isEqualTo(2);
        assertThat(park.slippingMu()).isEqualTo(40.0);
        assertThat(park.gaining()).as("D earlier, E found").isEqualTo(2);
        assertThat(result.byZone()).extracting(t -> t.key() + ":" + t.parcels() + "/" + t.slipping() + "/"
                + t.readyBaseline() + "/" + t.readyScenario()).containsExactly("Z1:3/1/2/1", "Z2:3/1/1/0");
    }
}
