package it.geres.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options for one call (or, with {@link GeResClient#withOptions}, for a group of calls); each
 * overrides the client's setting. Immutable: build with {@link #builder()}.
 *
 * <pre>{@code
 * RequestOptions.builder().operator("g.verdi").idempotencyKey(myKey).timeout(Duration.ofSeconds(5)).build()
 * }</pre>
 */
public final class RequestOptions {
    private static final RequestOptions NONE = new Builder().build();

    private final boolean operatorSet;
    private final String operator;
    private final boolean workstationSet;
    private final Workstation workstation;
    private final String idempotencyKey;
    private final String requestId;
    private final String traceparent;
    private final Duration timeout;
    private final Integer maxRetries;
    private final Map<String, String> headers;

    private RequestOptions(Builder b) {
        this.operatorSet = b.operatorSet;
        this.operator = b.operator;
        this.workstationSet = b.workstationSet;
        this.workstation = b.workstation;
        this.idempotencyKey = b.idempotencyKey;
        this.requestId = b.requestId;
        this.traceparent = b.traceparent;
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    }

    /** No option: the client's settings apply. */
    public static RequestOptions none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.operatorSet = operatorSet;
        b.operator = operator;
        b.workstationSet = workstationSet;
        b.workstation = workstation;
        b.idempotencyKey = idempotencyKey;
        b.requestId = requestId;
        b.traceparent = traceparent;
        b.timeout = timeout;
        b.maxRetries = maxRetries;
        b.headers.putAll(headers);
        return b;
    }

    /** These options, overridden by {@code other} where {@code other} sets something. */
    public RequestOptions merge(RequestOptions other) {
        if (other == null || other == NONE) {
            return this;
        }
        if (this == NONE) {
            return other;
        }
        Builder b = toBuilder();
        if (other.operatorSet) {
            b.operatorSet = true;
            b.operator = other.operator;
        }
        if (other.workstationSet) {
            b.workstationSet = true;
            b.workstation = other.workstation;
        }
        if (other.idempotencyKey != null) {
            b.idempotencyKey = other.idempotencyKey;
        }
        if (other.requestId != null) {
            b.requestId = other.requestId;
        }
        if (other.traceparent != null) {
            b.traceparent = other.traceparent;
        }
        if (other.timeout != null) {
            b.timeout = other.timeout;
        }
        if (other.maxRetries != null) {
            b.maxRetries = other.maxRetries;
        }
        b.headers.putAll(other.headers);
        return b.build();
    }

    /** Whether {@link #operator()} overrides the client's operator (possibly with none). */
    public boolean operatorSet() {
        return operatorSet;
    }

    public String operator() {
        return operator;
    }

    public boolean workstationSet() {
        return workstationSet;
    }

    public Workstation workstation() {
        return workstation;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String requestId() {
        return requestId;
    }

    public String traceparent() {
        return traceparent;
    }

    public Duration timeout() {
        return timeout;
    }

    public Integer maxRetries() {
        return maxRetries;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private boolean operatorSet;
        private String operator;
        private boolean workstationSet;
        private Workstation workstation;
        private String idempotencyKey;
        private String requestId;
        private String traceparent;
        private Duration timeout;
        private Integer maxRetries;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /** The operator an application acts for ({@code X-GeRes-Operator}); {@code null} sends none. */
        public Builder operator(String operator) {
            this.operatorSet = true;
            this.operator = operator;
            return this;
        }

        /** {@code X-GeRes-Workstation} and {@code X-GeRes-Device-Token}; {@code null} sends none. */
        public Builder workstation(Workstation workstation) {
            this.workstationSet = true;
            this.workstation = workstation;
            return this;
        }

        /** Your own Idempotency-Key. The client adds a new UUID to each lookup, reused by its retries; a key you give to any other request makes the client retry it too. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** Your request id ({@code X-Request-Id}, 1-64 of {@code A-Za-z0-9._:-}); default a new UUID per call. */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** A W3C {@code traceparent} to continue your trace; default a new one per call. */
        public Builder traceparent(String traceparent) {
            this.traceparent = traceparent;
            return this;
        }

        /** Per attempt, the body read included. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Retries after the first attempt. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** An extra header. */
        public Builder header(String name, String value) {
            this.headers.put(name, value);
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
