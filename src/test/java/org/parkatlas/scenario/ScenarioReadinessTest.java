package org.parkatlas.scenario;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parkatlas.ParkAtlasServerTest;
import org.parkatlas.catalog.Audience;
import org.parkatlas.feature.ReadContext;
import org.parkatlas.readiness.ItemAssessment;
import org.parkatlas.readiness.ParcelReadiness;
import org.parkatlas.readiness.ReadinessService;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness inside a scenario is worked out from the park's own answers — only the networks the change touches
 * built again, only the parcels near what moved assessed again. Checked against the brute force: every parcel
 * assessed from scratch over the works with the change laid over them, for each kind of change and again after the
 * scenario is edited.
 */
class ScenarioReadinessTest extends ParkAtlasServerTest {

    @Autowired
    Scenarios scenarios;
    @Autowired
    ReadinessService readiness;

    @ParameterizedTest
    @ValueSource(strings = {
            // the sewage plant six months late, then a year
            "{\"name\": \"a\", \"overrides\": [{\"collection\": \"facilities\", \"id\": \"facility-01\", "
                    + "\"properties\": {\"completion_date\": \"2025-06-30\"}}]}",
            // a substation that never comes
            "{\"name\": \"b\", \"removals\": [{\"collection\": \"facilities\", \"id\": \"facility-04\"}]}",
            // a sewer main left out, a water main brought forward
            "{\"name\": \"c\", \"removals\": [{\"collection\": \"utility-lines\", \"id\": \"utility-line-0228\"}], "
                    + "\"overrides\": [{\"collection\": \"utility-lines\", \"id\": \"utility-line-0002\", "
                    + "\"properties\": {\"status\": \"existing\", \"completion_date\": \"2025-01-01\"}}]}",
            // a road without a date any more, and a new road
            "{\"name\": \"d\", \"overrides\": [{\"collection\": \"roads\", \"id\": \"road-0100\", \"properties\": "
                    + "{\"status\": \"planned\", \"completion_date\": null}}], \"additions\": [{\"type\": \"Feature\", "
                    + "\"collection\": \"roads\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": "
                    + "[[111.605, 36.16], [111.62, 36.16]]}, \"properties\": {\"name\": \"试验路\", \"status\": "
                    + "\"planned\", \"completion_date\": \"2027-03-31\", \"red_line_width_m\": 30}}]}"})
    void aScenarioAnswersAsTheParkWorkedOutFromScratchWould(String document) {
        Scenario scenario = scenarios.create(JSON.readTree(document), "tester");
        assertSame(scenario);
        // edited: the answer follows the new version, not the one kept
        Scenario edited = scenarios.edit(scenario.id(), JSON.readTree("{\"overrides\": [{\"collection\": "
                + "\"facilities\", \"id\": \"facility-01\", \"properties\": {\"completion_date\": \"2026-01-31\"}}]}"),
                null, "tester");
        assertSame(edited);
        scenarios.delete(scenario.id(), null, "tester");
    }

    private void assertSame(Scenario scenario) {
        Map<String, ParcelReadiness> inside = readiness.all(new ReadContext(null, Audience.STAFF, scenario.id()));
        Map<String, ParcelReadiness> fromScratch = readiness.whatIf(scenario.change().works());
        assertThat(inside.keySet()).isEqualTo(fromScratch.keySet());
        for (ParcelReadiness expected : fromScratch.values()) {
            ParcelReadiness actual = inside.get(expected.parcelId());
            for (ItemAssessment item : expected.items()) {
                ItemAssessment got = actual.item(item.item());
                String at = expected.code() + " " + item.item().id();
                assertThat(got.readyDate()).as(at).isEqualTo(item.readyDate());
                assertThat(got.servingLine() == null ? null : got.servingLine().id()).as(at)
                        .isEqualTo(item.servingLine() == null ? null : item.servingLine().id());
                assertThat(got.source() == null ? null : got.source().id()).as(at)
                        .isEqualTo(item.source() == null ? null : item.source().id());
                assertThat(got.distance()).as(at).isEqualTo(item.distance());
                assertThat(got.bottleneck()).as(at).isEqualTo(item.bottleneck());
            }
        }
    }
}
