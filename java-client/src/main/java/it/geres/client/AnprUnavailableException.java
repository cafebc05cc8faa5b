package it.geres.client;

/** ANPR is unavailable or did not answer in time ({@code anpr-unavailable}). */
public class AnprUnavailableException extends ServerException {
    private static final long serialVersionUID = 1L;

    public AnprUnavailableException(String message, Details details) {
        super(message, details);
    }
}
