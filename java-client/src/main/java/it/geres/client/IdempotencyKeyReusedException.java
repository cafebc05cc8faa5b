package it.geres.client;

/** The Idempotency-Key was already used with a different request body ({@code idempotency-key-reused}). */
public class IdempotencyKeyReusedException extends GeResException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(String message, Details details) {
        super(message, details);
    }
}
