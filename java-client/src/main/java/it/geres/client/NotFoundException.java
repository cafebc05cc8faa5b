package it.geres.client;

/** 404 ({@code not-found}). */
public class NotFoundException extends GeResException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message, Details details) {
        super(message, details);
    }
}
