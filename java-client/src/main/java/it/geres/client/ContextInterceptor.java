package it.geres.client;

import it.geres.client.core.Ids;

/**
 * Once per call (outside the retries, so every attempt carries the same values): Accept,
 * User-Agent, X-Request-Id, traceparent, Idempotency-Key on lookups (or yours), and the operator and
 * workstation headers.
 */
final class ContextInterceptor implements Interceptor {
    private final Transport transport;

    ContextInterceptor(Transport transport) {
        this.transport = transport;
    }

    @Override
    public HttpResult intercept(Chain chain) throws java.io.IOException, InterruptedException {
        HttpCall call = chain.call();
        RequestOptions o = call.options();
        call.header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.1");
        call.header("User-Agent", transport.userAgent);
        String requestId = o.requestId() != null ? o.requestId() : call.header("X-Request-Id") != null ? call.header("X-Request-Id") : Ids.uuid();
        call.header("X-Request-Id", requestId);
        String traceparent = o.traceparent() != null ? o.traceparent() : call.header("traceparent") != null ? call.header("traceparent") : Ids.newTraceparent();
        if (!Ids.isValidTraceparent(traceparent)) {
            throw new IllegalArgumentException("Not a valid W3C traceparent: " + traceparent);
        }
        call.header("traceparent", traceparent);
        String key = o.idempotencyKey() != null ? o.idempotencyKey() : call.header("Idempotency-Key");
        if (key == null && call.keyedByDefault()) {
            key = Ids.uuid();
        }
        call.header("Idempotency-Key", key);
        if (call.context()) {
            String operator = o.operatorSet() ? o.operator() : transport.operator;
            Workstation ws = o.workstationSet() ? o.workstation() : transport.workstation;
            // A header given for this very call wins over the defaults.
            if (operator != null && call.header("X-GeRes-Operator") == null) {
                call.header("X-GeRes-Operator", operator);
            }
            if (ws != null && call.header("X-GeRes-Workstation") == null) {
                call.header("X-GeRes-Workstation", ws.code());
            }
            if (ws != null && ws.deviceToken() != null && call.header("X-GeRes-Device-Token") == null) {
                call.header("X-GeRes-Device-Token", ws.deviceToken());
            }
        }
        return chain.proceed(call);
    }
}
