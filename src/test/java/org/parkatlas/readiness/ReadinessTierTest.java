package org.parkatlas.readiness;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessTierTest {

    private static final LocalDate DAY = LocalDate.of(2027, 6, 30);

    /** A parcel of the seven-item standard whose items are met on the given days (absent: never). */
    private static ParcelReadiness parcel(Map<ReadinessItem, LocalDate> met) {
        List<ItemAssessment> items = new ArrayList<>();
        for (ReadinessItem item : ReadinessItem.SEVEN) {
            items.add(new ItemAssessment(item, met.get(item), null, null, null, null, null, 50, null, null));
        }
        return new ParcelReadiness("p", "GT-1", items);
    }

    @Test
    void eachTierIsWhatItsDataSaysOnTheDay() {
        LocalDate early = DAY.minusYears(1);
        assertThat(ReadinessTier.of(parcel(Map.of(ReadinessItem.ROAD, early)), DAY, null))
                .as("not leveled").isEqualTo(ReadinessTier.PLANNED);
        assertThat(ReadinessTier.of(parcel(Map.of(ReadinessItem.LEVELING, early, ReadinessItem.ROAD, early)), DAY,
                null)).as("leveled, no water or power").isEqualTo(ReadinessTier.LEVELED);
        assertThat(ReadinessTier.of(parcel(Map.of(ReadinessItem.LEVELING, early, ReadinessItem.ROAD, early,
                ReadinessItem.WATER, early, ReadinessItem.POWER, early)), DAY, null))
                .isEqualTo(ReadinessTier.PARTLY_SERVICED);
        Map<ReadinessItem, LocalDate> all = new java.util.HashMap<>();
        ReadinessItem.SEVEN.forEach(i -> all.put(i, early));
        assertThat(ReadinessTier.of(parcel(all), DAY, null)).isEqualTo(ReadinessTier.FULLY_SERVICED);
        assertThat(ReadinessTier.of(parcel(all), DAY, DAY.plusDays(1))).as("the building is not finished yet")
                .isEqualTo(ReadinessTier.FULLY_SERVICED);
        assertThat(ReadinessTier.of(parcel(all), DAY, DAY)).isEqualTo(ReadinessTier.BUILDING_READY);
        all.put(ReadinessItem.GAS, DAY.plusMonths(3));
        assertThat(ReadinessTier.of(parcel(all), DAY, DAY)).as("a building does not make gas arrive")
                .isEqualTo(ReadinessTier.PARTLY_SERVICED);
        assertThat(ReadinessTier.of(parcel(all), DAY.plusMonths(3), DAY)).as("as of when the gas main opens")
                .isEqualTo(ReadinessTier.BUILDING_READY);
    }

    @Test
    void theFourthTierNamesTheStandard() {
        assertThat(ReadinessTier.labels("seven").get(3).zh()).isEqualTo("七通一平");
        assertThat(ReadinessTier.labels("nine").get(3).zh()).isEqualTo("九通一平");
        assertThat(ReadinessTier.labels("seven")).hasSize(5);
    }
}
