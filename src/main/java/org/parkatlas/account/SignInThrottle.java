package org.parkatlas.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing down: after {@code perAccount} failed sign-ins for one account, or {@code perAddress}
 * from one client address, further attempts are refused for a while — 30 s, doubling with each further failure up
 * to 15 minutes, never for ever, so an attacker cannot lock a real user out for good. A success clears the account.
 * Memory stays bounded: the oldest entries go once {@code MAX_ENTRIES} keys are tracked.
 */
final class SignInThrottle {

    static final int MAX_ENTRIES = 10_000;

    /** The settings under {@code parkatlas.sign-in.*}. */
    @ConfigurationProperties("parkatlas.sign-in")
    record Settings(Integer perAccount, Integer perAddress, Duration firstDelay, Duration longestDelay) {
        Settings {
            perAccount = perAccount == null ? 5 : perAccount;
            perAddress = perAddress == null ? 50 : perAddress;
            firstDelay = firstDelay == null ? Duration.ofSeconds(30) : firstDelay;
            longestDelay = longestDelay == null ? Duration.ofMinutes(15) : longestDelay;
        }
    }

    private static final class Failures {
        int count;
        Instant until = Instant.MIN;
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    SignInThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long a sign-in for this account from this address must wait; empty when it may go ahead now. */
    synchronized Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(blockedUntil(account(username)), blockedUntil(address(address)));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    synchronized void failed(String username, String address) {
        count(account(username), settings.perAccount());
        count(address(address), settings.perAddress());
    }

    synchronized void succeeded(String username) {
        failures.remove(account(username));
    }

    private void count(String key, int allowed) {
        Failures f = failures.computeIfAbsent(key, k -> new Failures());
        f.count++;
        int over = f.count - allowed;
        if (over >= 0) {
            long seconds = settings.firstDelay().getSeconds() << Math.min(over, 20);
            f.until = clock.instant().plusSeconds(Math.min(seconds, settings.longestDelay().getSeconds()));
        }
    }

    private Instant blockedUntil(String key) {
        Failures f = failures.get(key);
        return f == null ? Instant.MIN : f.until;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String account(String username) {
        return "account:" + (username == null ? "" : username.toLowerCase(java.util.Locale.ROOT));
    }

    private static String address(String address) {
        return "address:" + address;
    }
}
