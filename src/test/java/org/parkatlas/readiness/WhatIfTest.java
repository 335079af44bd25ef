package org.parkatlas.readiness;

import org.junit.jupiter.api.Test;
import org.parkatlas.ParkAtlasServerTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A what-if over the sample's works, by the same engine: the sewage plant opening six months late moves exactly the
 * parcels whose sewer date it bounds, to exactly its new day, and nothing else; a sewer main left out serves
 * nobody, brings no parcel's service earlier and leaves the others' day; the park's own readiness is untouched.
 */
class WhatIfTest extends ParkAtlasServerTest {

    @Autowired
    ReadinessService readiness;

    @Test
    void theSewagePlantSixMonthsLateMovesExactlyTheParcelsItBoundsByExactlyThat() {
        Map<String, ParcelReadiness> baseline = Map.copyOf(readiness.all());
        LocalDate opened = LocalDate.parse("2024-12-31"); // 甘亭污水处理厂 in the sample
        LocalDate late = opened.plusMonths(6);
        Map<String, ParcelReadiness> delayed = readiness.whatIf(new WorksChange(Map.of("facilities", Map.of(
                "facility-01", new WorksChange.NewSchedule(null, late))), null, null));

        int moved = 0;
        for (ParcelReadiness before : baseline.values()) {
            ParcelReadiness after = delayed.get(before.parcelId());
            for (ItemAssessment item : before.items()) {
                LocalDate was = item.readyDate();
                LocalDate now = after.item(item.item()).readyDate();
                if (item.item() != ReadinessItem.SEWER) {
                    assertThat(now).as(before.code() + " " + item.item()).isEqualTo(was);
                } else if (was == null) {
                    assertThat(now).as(before.code() + " never served stays so").isNull();
                } else {
                    // the plant is on every sewer path: a date is the latest of its path's, the plant's included
                    assertThat(was).as(before.code()).isAfterOrEqualTo(opened);
                    LocalDate expected = was.isBefore(late) ? late : was;
                    assertThat(now).as(before.code() + " sewer").isEqualTo(expected);
                    if (!expected.equals(was)) {
                        moved++;
                    }
                }
            }
        }
        assertThat(moved).as("the parcels the plant's day bounds").isPositive();
        assertThat(readiness.all()).as("the park's own readiness is not touched").isEqualTo(baseline);
    }

    @Test
    void aMainLeftOutServesNobodyAndBringsNothingEarlier() {
        Map<String, ParcelReadiness> baseline = Map.copyOf(readiness.all());
        // the main serving the first parcel that has sewer service
        ItemAssessment served = baseline.values().stream().map(p -> p.item(ReadinessItem.SEWER))
                .filter(i -> i.servingLine() != null).findFirst().orElseThrow();
        String main = served.servingLine().id();
        Map<String, ParcelReadiness> without = readiness.whatIf(new WorksChange(null, Map.of("utility-lines",
                Set.of(main)), null));
        long changed = 0;
        long untouched = 0;
        for (ParcelReadiness before : baseline.values()) {
            ItemAssessment was = before.item(ReadinessItem.SEWER);
            ItemAssessment now = without.get(before.parcelId()).item(ReadinessItem.SEWER);
            if (now.servingLine() != null) {
                assertThat(now.servingLine().id()).isNotEqualTo(main);
            }
            boolean servedByIt = was.servingLine() != null && was.servingLine().id().equals(main);
            // taking a work away never brings service earlier
            if (now.readyDate() != null) {
                assertThat(was.readyDate()).as(before.code()).isNotNull();
                assertThat(now.readyDate()).as(before.code()).isAfterOrEqualTo(was.readyDate());
            }
            if (servedByIt) {
                changed++;
            } else if (java.util.Objects.equals(was.readyDate(), now.readyDate())) {
                untouched++;
            }
        }
        assertThat(untouched).as("parcels served by other mains keep their day").isPositive();
        assertThat(changed).isPositive();
        assertThat(readiness.all()).isEqualTo(baseline);
    }
}
