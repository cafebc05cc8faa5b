package it.geres.client;

/** 429: too many requests ({@code rate-limited}). */
public class RateLimitedException extends GeResException {
    private static final long serialVersionUID = 1L;

    public RateLimitedException(String message, Details details) {
        super(message, details);
    }

    /** Seconds to wait before trying again (problem member or {@code Retry-After}), or {@code null}. */
    public Integer retryAfterSeconds() {
        return retryAfter();
    }
}
