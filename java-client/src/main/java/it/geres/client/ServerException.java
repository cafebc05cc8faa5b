package it.geres.client;

/** 5xx ({@code internal-error}, {@code service-unavailable}). */
public class ServerException extends GeResException {
    private static final long serialVersionUID = 1L;

    public ServerException(String message, Details details) {
        super(message, details);
    }

    /** Seconds to wait before trying again (problem member or {@code Retry-After}), or {@code null}. */
    public Integer retryAfterSeconds() {
        return retryAfter();
    }
}
