package it.geres.client;

/** 409 ({@code conflict}, {@code idempotency-in-progress}). */
public class ConflictException extends GeResException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message, Details details) {
        super(message, details);
    }
}
