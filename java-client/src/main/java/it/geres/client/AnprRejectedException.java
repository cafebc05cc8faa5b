package it.geres.client;

/** ANPR refused the request of this gateway ({@code anpr-rejected}). */
public class AnprRejectedException extends ServerException {
    private static final long serialVersionUID = 1L;

    public AnprRejectedException(String message, Details details) {
        super(message, details);
    }
}
