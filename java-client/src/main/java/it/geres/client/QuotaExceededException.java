package it.geres.client;

/** The daily quota of lookups is used up, until Italian midnight ({@code quota-exceeded}). */
public class QuotaExceededException extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    public QuotaExceededException(String message, Details details) {
        super(message, details);
    }
}
