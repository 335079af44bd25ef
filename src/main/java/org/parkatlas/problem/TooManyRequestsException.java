package org.parkatlas.problem;

import org.parkatlas.catalog.Label;

/** A 429: the client sent more of something than a person does; it may try again after {@code retryAfterSeconds}. */
public class TooManyRequestsException extends Problem {

    private final long retryAfterSeconds;

    public TooManyRequestsException(Label detail, long retryAfterSeconds) {
        super(429, ProblemType.TOO_MANY_REQUESTS, Label.of("请求过多", "Too many requests"), detail, null);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
