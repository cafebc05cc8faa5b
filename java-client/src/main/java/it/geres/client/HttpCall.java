package it.geres.client;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One logical call as it passes through the interceptors: the request that will be sent, and what
 * the core decided for it (ids, idempotency key, attempts). Interceptors may change the headers.
 */
public final class HttpCall {
    private final String method;
    private final URI uri;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final byte[] body;
    private final Duration timeout;
    private final boolean authenticated;
    private final boolean context;
    private final boolean repeatable;
    private final boolean keyedByDefault;
    private final RequestOptions options;
    private int attempt;
    private boolean reauthenticated;

    HttpCall(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout, boolean authenticated, boolean context,
             boolean repeatable, boolean keyedByDefault, RequestOptions options) {
        this.options = options == null ? RequestOptions.none() : options;
        this.method = Objects.requireNonNull(method).toUpperCase(Locale.ROOT);
        this.uri = Objects.requireNonNull(uri);
        this.headers.putAll(headers);
        this.body = body;
        this.timeout = Objects.requireNonNull(timeout);
        this.authenticated = authenticated;
        this.context = context;
        this.repeatable = repeatable;
        this.keyedByDefault = keyedByDefault;
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** The headers to send (case-insensitive names), read-only: change them with {@link #header}. */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** Sets (or, with {@code null}, removes) a header. */
    public HttpCall header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** The encoded body, or {@code null}. */
    public byte[] body() {
        return body;
    }

    /** The time allowed for one attempt, the body read included. */
    public Duration timeout() {
        return timeout;
    }

    /** Whether the access token is sent. */
    public boolean authenticated() {
        return authenticated;
    }

    /** Whether the operator and workstation headers are sent. */
    public boolean context() {
        return context;
    }

    /** Whether the request is safe to send again whatever its method (the token requests); see {@link RetryRule}. */
    boolean repeatable() {
        return repeatable;
    }

    /** Whether the client adds an Idempotency-Key when none is given (the lookups). */
    boolean keyedByDefault() {
        return keyedByDefault;
    }

    /** The attempt being made (1 for the first); re-authentication does not count. */
    public int attempt() {
        return attempt;
    }

    void attempt(int attempt) {
        this.attempt = attempt;
    }

    boolean reauthenticated() {
        return reauthenticated;
    }

    void reauthenticated(boolean value) {
        this.reauthenticated = value;
    }

    /** The options of this call, the client's scoped defaults merged in. */
    public RequestOptions options() {
        return options;
    }

    public String requestId() {
        return headers.get("X-Request-Id");
    }

    public String idempotencyKey() {
        return headers.get("Idempotency-Key");
    }

    public String traceparent() {
        return headers.get("traceparent");
    }
}
