package it.geres.client;

/** No answer within the timeout. The gateway may still complete the request; it is not retried. */
public class GeResTimeoutException extends GeResConnectionException {
    private static final long serialVersionUID = 1L;

    public GeResTimeoutException(String message, Details details, Throwable cause) {
        super(message, details, cause);
    }
}
