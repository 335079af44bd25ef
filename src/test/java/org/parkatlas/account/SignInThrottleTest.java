package org.parkatlas.account;

import org.junit.jupiter.api.Test;
import org.parkatlas.MovableClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's arithmetic on a clock the test moves: delays double, are capped, clear on success, stay bounded. */
class SignInThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Settings(5, 50, null, null), clock);

    @Test
    void fiveFailuresWaitThirtySecondsThenEachFurtherOneDoublesUpToFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Planner", "10.0.0.1");
        }
        assertThat(throttle.wait("planner", "10.0.0.1")).isEmpty();
        throttle.failed("planner", "10.0.0.1");
        assertThat(throttle.wait("PLANNER", "10.0.0.2")).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.wait("planner", "10.0.0.1")).as("never for ever").isEmpty();
        throttle.failed("planner", "10.0.0.1");
        assertThat(throttle.wait("planner", "10.0.0.1")).contains(Duration.ofSeconds(60));
        for (int i = 0; i < 30; i++) {
            throttle.failed("planner", "10.0.0.1");
        }
        assertThat(throttle.wait("planner", "10.0.0.1")).contains(Duration.ofMinutes(15));
        throttle.succeeded("planner");
        assertThat(throttle.wait("planner", "10.0.0.3")).as("a success clears the account").isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedToo() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("user-" + i, "10.9.9.9");
        }
        assertThat(throttle.wait("someone-else", "10.9.9.9")).isPresent();
        assertThat(throttle.wait("someone-else", "10.9.9.8")).isEmpty();
    }

    @Test
    void memoryStaysBoundedWhateverAnAttackerSends() throws Exception {
        for (int i = 0; i < SignInThrottle.MAX_ENTRIES * 3; i++) {
            throttle.failed("user-" + i, "10.0." + (i % 250) + ".1");
        }
        var field = SignInThrottle.class.getDeclaredField("failures");
        field.setAccessible(true);
        assertThat(((java.util.Map<?, ?>) field.get(throttle)).size()).isLessThanOrEqualTo(SignInThrottle.MAX_ENTRIES);
    }
}
