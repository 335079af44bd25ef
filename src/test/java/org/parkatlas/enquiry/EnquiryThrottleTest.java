package org.parkatlas.enquiry;

import org.junit.jupiter.api.Test;
import org.parkatlas.MovableClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EnquiryThrottleTest {

    @Test
    void anAddressSendsFiveAnHourThenWaitsForTheOldestToAgeOut() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
        EnquiryThrottle throttle = new EnquiryThrottle(new EnquiryThrottle.Settings(5, 300), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.admit("10.0.0.1")).as("enquiry %d", i + 1).isEmpty();
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(throttle.admit("10.0.0.1")).as("the sixth within the hour").contains(Duration.ofMinutes(10));
        assertThat(throttle.admit("10.0.0.2")).as("another address goes on").isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.admit("10.0.0.1")).as("once the first is an hour old").isEmpty();
    }

    @Test
    void everyoneTogetherIsCappedTooSoAFloodFromManyAddressesStops() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
        EnquiryThrottle throttle = new EnquiryThrottle(new EnquiryThrottle.Settings(5, 20), clock);
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.admit("192.0.2." + i)).isEmpty();
        }
        assertThat(throttle.admit("198.51.100.7")).isPresent();
    }
}
