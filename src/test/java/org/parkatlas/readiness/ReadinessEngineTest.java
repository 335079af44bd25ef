package org.parkatlas.readiness;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.parkatlas.network.NetworkLine;
import org.parkatlas.network.NetworkSource;
import org.parkatlas.network.Schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small hand-made networks whose answers are known. Coordinates are metres; a 100 m × 100 m parcel sits at
 * (0,0)–(100,100) unless a test says otherwise, and a sewage plant at (500, -20).
 */
class ReadinessEngineTest {

    private static final String PARCEL = "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))";
    private static final LocalDate EXISTING = Schedule.ALWAYS;
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private final List<ParkWorks.UtilityLine> lines = new ArrayList<>();
    private final List<ParkWorks.Facility> facilities = new ArrayList<>();
    private final List<ParkWorks.Road> roads = new ArrayList<>();

    @Test
    void aSewerThatDoesNotReachThePlantServesNothing() {
        plant("existing", null);
        sewer("stub", "LINESTRING (0 -20, 200 -20)", "existing", null);          // ends 300 m short of the plant
        ItemAssessment sewer = assess(PARCEL).item(ReadinessItem.SEWER);
        assertThat(sewer.readyDate()).isNull();
        assertThat(sewer.servingLine().id()).isEqualTo("stub");
        assertThat(sewer.reason(DAY).en()).contains("do not connect to any sewage plant");
        assertThat(sewer.reason(DAY).zh()).contains("未接通任何污水处理厂");
    }

    @Test
    void aPlantUnderConstructionDelaysEveryParcelItServesToItsCompletion() {
        plant("under_construction", LocalDate.of(2027, 6, 30));
        sewer("main", "LINESTRING (0 -20, 500 -20)", "existing", null);
        ParcelReadiness near = assess(PARCEL);
        ParcelReadiness other = assess("POLYGON ((300 0, 400 0, 400 100, 300 100, 300 0))");
        for (ParcelReadiness parcel : List.of(near, other)) {
            ItemAssessment sewer = parcel.item(ReadinessItem.SEWER);
            assertThat(sewer.readyDate()).isEqualTo(LocalDate.of(2027, 6, 30));
            assertThat(sewer.source().id()).isEqualTo("plant");
            assertThat(sewer.metOn(DAY)).isFalse();
            assertThat(sewer.metOn(LocalDate.of(2027, 6, 30))).isTrue();
            assertThat(sewer.reason(DAY).en())
                    .isEqualTo("sewage plant 甘亭污水处理厂 is under construction, completion 2027-06-30");
        }
    }

    @Test
    void ofTwoPathsTheEarlierWins() {
        plant("existing", null);
        // north route: finished 2028; south route: two pieces, the later finished 2026-03-01
        sewer("north", "LINESTRING (0 -20, 250 -20, 500 -20)", "planned", LocalDate.of(2028, 1, 1));
        sewer("south-1", "LINESTRING (0 -20, 250 -120)", "existing", LocalDate.of(2020, 5, 1));
        sewer("south-2", "LINESTRING (250 -120, 500 -20)", "under_construction", LocalDate.of(2026, 3, 1));
        ItemAssessment sewer = assess(PARCEL).item(ReadinessItem.SEWER);
        assertThat(sewer.readyDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(sewer.path()).extracting(NetworkLine::id).containsExactly("south-1", "south-2");
    }

    @Test
    void theServiceDistanceHoldsAtItsEdge() {
        plant("existing", null);
        sewer("at-49.9m", "LINESTRING (0 -49.9, 500 -49.9, 500 -20)", "existing", null);
        assertThat(assess(PARCEL).item(ReadinessItem.SEWER).metOn(DAY)).isTrue();
        lines.clear();
        sewer("at-50.1m", "LINESTRING (0 -50.1, 500 -50.1, 500 -20)", "existing", null);
        ItemAssessment sewer = assess(PARCEL).item(ReadinessItem.SEWER);
        assertThat(sewer.metOn(DAY)).isFalse();
        assertThat(sewer.reason(DAY).en()).isEqualTo("no sewer line within 50 m; the nearest is 50 m away");
    }

    @Test
    void aBranchConnectsAtAnInteriorVertexOfTheMain() {
        plant("existing", null);
        sewer("main", "LINESTRING (200 -300, 200 -20, 200 300, 500 300)", "existing", null); // plant not on it
        sewer("to-plant", "LINESTRING (200 -20, 500 -20)", "existing", LocalDate.of(2019, 1, 1)); // from a middle vertex
        sewer("branch", "LINESTRING (0 -20, 199.7 -20)", "existing", LocalDate.of(2021, 4, 1)); // snaps within 0.5 m
        ItemAssessment sewer = assess(PARCEL).item(ReadinessItem.SEWER);
        assertThat(sewer.readyDate()).isEqualTo(LocalDate.of(2021, 4, 1));
        assertThat(sewer.path()).extracting(NetworkLine::id).containsExactly("branch", "to-plant");
    }

    @Test
    void levelingFollowsTheParcelsOwnSchedule() {
        ItemAssessment done = leveling("done", LocalDate.of(2023, 5, 1));
        assertThat(done.readyDate()).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(leveling("done", null).readyDate()).isEqualTo(Schedule.ALWAYS);
        ItemAssessment underWay = leveling("in_progress", LocalDate.of(2027, 3, 31));
        assertThat(underWay.metOn(DAY)).isFalse();
        assertThat(underWay.metOn(LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(underWay.reason(DAY).en()).isEqualTo("leveling is in progress, due 2027-03-31");
        ItemAssessment unscheduled = leveling("not_started", null);
        assertThat(unscheduled.readyDate()).isNull();
        assertThat(unscheduled.reason(DAY).zh()).isEqualTo("场地平整尚未安排");
    }

    @Test
    void aRoadCountsOnlyWhenItLeadsToAParkGateway() {
        // a 30 m road 20 m south of the parcel: frontage reach 15 + 10 = 25 m
        road("front", "LINESTRING (-100 -20, 300 -20)", 30, false, "existing", null);
        ItemAssessment cutOff = assess(PARCEL).item(ReadinessItem.ROAD);
        assertThat(cutOff.readyDate()).as("no gateway anywhere").isNull();
        road("gateway", "LINESTRING (300 -20, 300 -500)", 40, true, "under_construction", LocalDate.of(2027, 9, 30));
        ItemAssessment viaGateway = assess(PARCEL).item(ReadinessItem.ROAD);
        assertThat(viaGateway.readyDate()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(viaGateway.servingLine().id()).isEqualTo("front");
        assertThat(viaGateway.reason(DAY).en()).contains("gateway is under construction, completion 2027-09-30");
        roads.clear();
        road("too-far", "LINESTRING (-100 -26, 300 -26)", 30, true, "existing", null);
        assertThat(assess(PARCEL).item(ReadinessItem.ROAD).readyDate()).as("26 m > 25 m").isNull();
    }

    @Test
    void theParcelIsReadyWhenItsLastItemIs() {
        plant("existing", LocalDate.of(2024, 12, 31));
        sewer("main", "LINESTRING (0 -20, 500 -20)", "existing", LocalDate.of(2020, 1, 1));
        road("gateway", "LINESTRING (-100 -20, 600 -20)", 40, true, "existing", LocalDate.of(2021, 10, 30));
        ParcelReadiness parcel = assess(PARCEL);
        // water, power … have no lines here, so the parcel can never be ready with what is planned
        assertThat(parcel.readyDate()).isNull();
        assertThat(parcel.metOn(DAY)).isEqualTo(3); // road, sewer, leveling
        assertThat(parcel.items()).hasSize(8);
    }

    private ItemAssessment leveling(String state, LocalDate date) {
        return new ReadinessEngine(works(), ReadinessProperties.defaults())
                .assess(new ParkWorks.Parcel("p", "P", geometry(PARCEL), state, date)).item(ReadinessItem.LEVELING);
    }

    private ParcelReadiness assess(String parcelWkt) {
        return new ReadinessEngine(works(), ReadinessProperties.defaults())
                .assess(new ParkWorks.Parcel("p", "P", geometry(parcelWkt), "done", null));
    }

    private ParkWorks works() {
        return new ParkWorks(List.of(), roads, lines, facilities);
    }

    private void plant(String status, LocalDate completion) {
        facilities.add(new ParkWorks.Facility(new NetworkSource("plant", "甘亭污水处理厂", status,
                (Point) geometry("POINT (500 -20)"), Schedule.inService(status, completion)), "sewage_plant"));
    }

    private void sewer(String id, String wkt, String status, LocalDate completion) {
        lines.add(new ParkWorks.UtilityLine(new NetworkLine(id, id, status, (LineString) geometry(wkt),
                Schedule.inService(status, completion)), "sewer"));
    }

    private void road(String id, String wkt, double width, boolean gateway, String status, LocalDate completion) {
        roads.add(new ParkWorks.Road(new NetworkLine(id, id, status, (LineString) geometry(wkt),
                Schedule.inService(status, completion)), width, gateway));
    }

    private static Geometry geometry(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
