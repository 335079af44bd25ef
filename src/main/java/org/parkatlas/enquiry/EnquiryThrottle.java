package org.parkatlas.enquiry;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a program from flooding the bureau's inbox without any third-party service: at most {@code perAddress}
 * enquiries an hour from one client address, and {@code perHour} from everyone together (an investor sends one or
 * two). Memory stays bounded: the least recently seen addresses go once 10 000 are tracked.
 */
final class EnquiryThrottle {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_ADDRESSES = 10_000;

    /** The limits under {@code parkatlas.enquiries.*}. */
    @ConfigurationProperties("parkatlas.enquiries")
    record Settings(Integer perAddress, Integer perHour) {
        Settings {
            perAddress = perAddress == null ? 5 : perAddress;
            perHour = perHour == null ? 300 : perHour;
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final Deque<Instant> everyone = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> byAddress = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    EnquiryThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts one enquiry from {@code address}; how long it must wait instead, when it is one too many. */
    synchronized Optional<Duration> admit(String address) {
        Instant now = clock.instant();
        Deque<Instant> mine = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        forgetBefore(mine, now.minus(WINDOW));
        forgetBefore(everyone, now.minus(WINDOW));
        if (mine.size() >= settings.perAddress()) {
            return Optional.of(Duration.between(now, mine.peekFirst().plus(WINDOW)));
        }
        if (everyone.size() >= settings.perHour()) {
            return Optional.of(Duration.between(now, everyone.peekFirst().plus(WINDOW)));
        }
        mine.addLast(now);
        everyone.addLast(now);
        return Optional.empty();
    }

    private static void forgetBefore(Deque<Instant> times, Instant start) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
            times.removeFirst();
        }
    }
}
