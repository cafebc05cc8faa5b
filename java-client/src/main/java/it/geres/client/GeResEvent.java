package it.geres.client;

/**
 * What the client reports to a listener: one event per attempt, response, retry and
 * re-authentication. Events never carry tokens or bodies.
 *
 * @param kind      what happened
 * @param method    the HTTP method
 * @param url       the URL (with the query string)
 * @param requestId the request id of the call
 * @param attempt   the attempt number (1 for the first)
 * @param status    {@link Kind#RESPONSE}: the HTTP status, else 0
 * @param elapsedMs {@link Kind#RESPONSE}: how long the attempt took, else 0
 * @param delayMs   {@link Kind#RETRY}: the wait before the next attempt, else 0
 * @param reason    {@link Kind#RETRY}: why, e.g. {@code HTTP 503 anpr-unavailable}, else {@code null}
 */
public record GeResEvent(Kind kind, String method, String url, String requestId, int attempt, int status, long elapsedMs, long delayMs, String reason) {
    public enum Kind { REQUEST, RESPONSE, RETRY, REAUTHENTICATE }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(method).append(' ').append(url)
                .append(" requestId=").append(requestId).append(" attempt=").append(attempt);
        if (kind == Kind.RESPONSE) {
            s.append(" status=").append(status).append(" elapsedMs=").append(elapsedMs);
        }
        if (kind == Kind.RETRY) {
            s.append(" delayMs=").append(delayMs).append(" reason=").append(reason);
        }
        return s.toString();
    }
}
