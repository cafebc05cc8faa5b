package it.geres.client;

import java.util.List;
import java.util.Map;

/**
 * A successful answer with what the client knows about it.
 *
 * @param status             the HTTP status
 * @param headers            the response headers (names in lower case)
 * @param requestId          the gateway's request id ({@code X-Request-Id}), the one in its logs and audit trail
 * @param idempotencyKey     the Idempotency-Key sent (a lookup's, or yours), else {@code null}
 * @param idempotentReplayed true when the gateway replayed a stored answer for the Idempotency-Key
 * @param traceparent        the W3C traceparent sent
 * @param attempts           how many times the request was sent (1 without retries)
 * @param data               the decoded body ({@code null} for no content)
 * @param <T>                the body type
 */
public record ApiResponse<T>(
        int status,
        Map<String, List<String>> headers,
        String requestId,
        String idempotencyKey,
        boolean idempotentReplayed,
        String traceparent,
        int attempts,
        T data) {

    /** The first value of a header, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
