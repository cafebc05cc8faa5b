package it.geres.client;

/** 401 and 423: the token or the credentials ({@code unauthenticated}, {@code invalid-credentials}, {@code invalid-token}, {@code invalid-client}, {@code account-locked}). */
public class AuthenticationException extends GeResException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message, Details details) {
        super(message, details);
    }
}
