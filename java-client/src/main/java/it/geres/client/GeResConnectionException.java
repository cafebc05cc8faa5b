package it.geres.client;

/** The gateway could not be reached, or the connection failed before an answer arrived. */
public class GeResConnectionException extends GeResException {
    private static final long serialVersionUID = 1L;

    public GeResConnectionException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
