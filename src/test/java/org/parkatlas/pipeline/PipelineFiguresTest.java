package org.parkatlas.pipeline;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The board and the zone's figures, against figures worked out by hand for six projects. */
class PipelineFiguresTest {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    /**
     * A: producing since 2025, at full production since 2026-03; B: producing since 2026-05, not at full production;
     * C: building since 2025-11; D: signed 2026-02, to start 2026-04 (late by 91 days on 30 June); E: signed
     * 2026-08 (after the day: still negotiating then); F: planning.
     */
    private static List<Project> sample() {
        return List.of(
                project("A", Stage.IN_PRODUCTION, "2023-01-05", "2023-06-01", "2024-01-10", "2025-03-01", null,
                        "2026-03-31", 10.0, 6.0, "GT-1"),
                project("B", Stage.IN_PRODUCTION, "2024-01-05", "2024-05-01", "2025-01-10", "2026-05-20", null, null,
                        8.0, 2.0, "GT-2"),
                project("C", Stage.UNDER_CONSTRUCTION, "2024-06-01", "2025-01-15", "2025-11-01", null, null, null,
                        5.0, 1.0, "GT-3"),
                project("D", Stage.SIGNED, "2025-10-01", "2026-02-10", null, null, "2026-03-31", null, 20.0, 1.0,
                        "GT-4"),
                project("E", Stage.SIGNED, "2026-03-01", "2026-08-01", null, null, null, null, 7.0, null, null),
                project("F", Stage.PLANNING, null, null, null, null, null, null, 3.0, null, null));
    }

    @Test
    void eachProjectIsInThePoolItHadReachedByTheDay() {
        List<PipelineFigures.Pool> board = PipelineFigures.board(sample(), DAY);
        assertThat(board).extracting(PipelineFigures.Pool::projects).containsExactly(1, 1, 1, 1, 2);
        assertThat(board.get(1).members()).extracting(Project::code).containsExactly("E"); // signed only in August
        assertThat(board.get(4).totalInvestmentYi()).isEqualTo(18.0);
        assertThat(PipelineFigures.board(sample(), LocalDate.of(2026, 12, 1)).get(2).projects()).isEqualTo(2);
        assertThat(PipelineFigures.board(sample(), LocalDate.of(2024, 6, 1)).get(3).projects())
                .as("A building, B signed, on 2024-06-01").isEqualTo(1);
    }

    @Test
    void ratesAreWorkedOutOverTheProjectsSignedByTheDay() {
        PipelineFigures.Figures f = PipelineFigures.figures(sample(), DAY, new PipelineFigures.Targets(4L, 50.0));
        // signed by 30 June: A B C D (E signs in August) → 4; started: A B C → 3; producing: A B → 2; at full: A → 1
        assertThat(f.signed()).isEqualTo(4);
        assertThat(f.startRate()).isEqualTo(3 / 4.0);
        assertThat(f.commissioningRate()).isEqualTo(2 / 3.0);
        assertThat(f.targetOutputRate()).isEqualTo(1 / 2.0);
        // funds: (6 + 2 + 1 + 1) / (10 + 8 + 5 + 20)
        assertThat(f.fundsReceivedRate()).isEqualTo(10 / 43.0);
        // signed in 2026 by 30 June: D only
        assertThat(f.signedThisYear()).isEqualTo(1);
        assertThat(f.signedInvestmentThisYearYi()).isEqualTo(20.0);
        assertThat(f.targetSignings()).isEqualTo(4L);
        assertThat(f.overdue()).singleElement().satisfies(o -> {
            assertThat(o.project().code()).isEqualTo("D");
            assertThat(o.daysLate()).isEqualTo(91);
        });
    }

    @Test
    void withNothingToDivideByARateIsUnknownNotZero() {
        PipelineFigures.Figures f = PipelineFigures.figures(List.of(sample().get(5)), DAY,
                new PipelineFigures.Targets(null, null));
        assertThat(f.startRate()).isNull();
        assertThat(f.fundsReceivedRate()).isNull();
        assertThat(f.overdue()).isEmpty();
    }

    @Test
    void projectsAreGroupedByWhereTheirFirstParcelLies() {
        Map<String, PipelineFigures.Place> parcels = Map.of("GT-1", new PipelineFigures.Place("Z1", "IP1"), "GT-2",
                new PipelineFigures.Place("Z1", "IP2"), "GT-3", new PipelineFigures.Place("Z2", "IP3"), "GT-4",
                new PipelineFigures.Place("Z2", "IP3"));
        Map<String, PipelineFigures.Figures> zones = PipelineFigures.byPlace(sample(), parcels,
                PipelineFigures.Place::zone, DAY);
        assertThat(zones.keySet()).containsExactly("Z1", "Z2", null);
        assertThat(zones.get("Z1").startRate()).isEqualTo(1.0);
        assertThat(zones.get("Z2").startRate()).isEqualTo(0.5);
        assertThat(zones.get(null).signed()).isZero();
    }

    private static Project project(String code, Stage stage, String engaged, String signed, String built,
                                   String producing, String plannedStart, String full, Double total, Double funds,
                                   String parcel) {
        Map<Stage, LocalDate> reached = new EnumMap<>(Stage.class);
        put(reached, Stage.NEGOTIATING, engaged);
        put(reached, Stage.SIGNED, signed);
        put(reached, Stage.UNDER_CONSTRUCTION, built);
        put(reached, Stage.IN_PRODUCTION, producing);
        return new Project(code, code, code, null, null, stage, reached, plannedStart == null ? null
                : LocalDate.parse(plannedStart), full == null ? null : LocalDate.parse(full), total, null, null, funds,
                parcel == null ? List.of() : List.of(parcel));
    }

    private static void put(Map<Stage, LocalDate> reached, Stage stage, String day) {
        if (day != null) {
            reached.put(stage, LocalDate.parse(day));
        }
    }
}
