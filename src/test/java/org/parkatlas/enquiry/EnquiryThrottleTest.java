package org.parkatlas.enquiry;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EnquiryThrottleTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void anAddressSendsFiveAnHourThenWaitsForTheOldestToAgeOut() {
        Hand clock = new Hand();
        EnquiryThrottle throttle = new EnquiryThrottle(new EnquiryThrottle.Settings(5, 300), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.admit("10.0.0.1")).as("enquiry %d", i + 1).isEmpty();
            clock.now = clock.now.plus(Duration.ofMinutes(10));
        }
        assertThat(throttle.admit("10.0.0.1")).as("the sixth within the hour").contains(Duration.ofMinutes(10));
        assertThat(throttle.admit("10.0.0.2")).as("another address goes on").isEmpty();
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        assertThat(throttle.admit("10.0.0.1")).as("once the first is an hour old").isEmpty();
    }

    @Test
    void everyoneTogetherIsCappedTooSoAFloodFromManyAddressesStops() {
        Hand clock = new Hand();
        EnquiryThrottle throttle = new EnquiryThrottle(new EnquiryThrottle.Settings(5, 20), clock);
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.admit("192.0.2." + i)).isEmpty();
        }
        assertThat(throttle.admit("198.51.100.7")).isPresent();
    }
}
