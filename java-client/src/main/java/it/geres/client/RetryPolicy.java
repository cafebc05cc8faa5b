package it.geres.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Backoff between retries. The delay before retry <i>n</i> is between half and all of
 * {@code min(initialDelay · 2^(n-1), maxDelay)} ("equal jitter"), and at least the server's
 * {@code Retry-After}. A {@code Retry-After} longer than {@code maxRetryAfter} is not waited for:
 * the error is thrown at once.
 *
 * @param initialDelay  the first backoff delay (default 500 ms)
 * @param maxDelay      the longest backoff delay (default 5 s)
 * @param maxRetryAfter the longest server hint the client waits for (default 60 s)
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }
}
