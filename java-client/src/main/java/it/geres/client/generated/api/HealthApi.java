// Generated from openapi/geres.openapi.json by java-client/generator/generate.mjs — do not edit.
// Regenerate with: node java-client/generator/generate.mjs
package it.geres.client.generated.api;

import com.fasterxml.jackson.core.type.TypeReference;
import it.geres.client.ApiResponse;
import it.geres.client.RequestOptions;
import it.geres.client.core.ApiCaller;
import it.geres.client.core.ApiRequest;
import it.geres.client.core.ResponseType;
import it.geres.client.generated.model.*;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Probes and metrics for operators of the gateway; no token needed.
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class HealthApi {
    private final ApiCaller caller;

    public HealthApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * Liveness probe
     * <p>
     * Answers as long as the process runs; for orchestrators' liveness checks.
     * <p>
     * <code>GET /health/live</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Liveness getLiveness() {
        return getLivenessWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #getLiveness}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Liveness getLiveness(RequestOptions options) {
        return getLivenessWithResponse(options).data();
    }

    /**
     * As {@link #getLiveness}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<Liveness> getLivenessWithResponse(RequestOptions options) {
        return caller.execute(getLivenessRequest(), options, ResponseType.json(Liveness.class));
    }

    /**
     * As {@link #getLiveness}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<Liveness> getLivenessAsync(RequestOptions options) {
        return getLivenessAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getLivenessWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<Liveness>> getLivenessAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(getLivenessRequest(), options, ResponseType.json(Liveness.class));
    }

    private static ApiRequest getLivenessRequest() {
        return ApiRequest.of("GET", "/health/live")
                .unauthenticated();
    }

    /**
     * Prometheus metrics
     * <p>
     * Metrics in the Prometheus text exposition format (requests by route and outcome, latency histograms, process metrics). Send the METRICS_TOKEN of the installation as a bearer token (not a user's access token); without METRICS_TOKEN the endpoint is open in the sandbox and off (404) elsewhere.
     * <p>
     * <code>GET /metrics</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public String getMetrics() {
        return getMetricsWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #getMetrics}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public String getMetrics(RequestOptions options) {
        return getMetricsWithResponse(options).data();
    }

    /**
     * As {@link #getMetrics}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<String> getMetricsWithResponse(RequestOptions options) {
        return caller.execute(getMetricsRequest(), options, ResponseType.text());
    }

    /**
     * As {@link #getMetrics}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<String> getMetricsAsync(RequestOptions options) {
        return getMetricsAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getMetricsWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<String>> getMetricsAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(getMetricsRequest(), options, ResponseType.text());
    }

    private static ApiRequest getMetricsRequest() {
        return ApiRequest.of("GET", "/metrics")
                .unauthenticated();
    }

    /**
     * Readiness probe
     * <p>
     * Ready when the database answers and, if configured, Redis does too; otherwise 503 with the state of each.
     * <p>
     * <code>GET /health/ready</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Readiness getReadiness() {
        return getReadinessWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #getReadiness}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Readiness getReadiness(RequestOptions options) {
        return getReadinessWithResponse(options).data();
    }

    /**
     * As {@link #getReadiness}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<Readiness> getReadinessWithResponse(RequestOptions options) {
        return caller.execute(getReadinessRequest(), options, ResponseType.json(Readiness.class));
    }

    /**
     * As {@link #getReadiness}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<Readiness> getReadinessAsync(RequestOptions options) {
        return getReadinessAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getReadinessWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<Readiness>> getReadinessAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(getReadinessRequest(), options, ResponseType.json(Readiness.class));
    }

    private static ApiRequest getReadinessRequest() {
        return ApiRequest.of("GET", "/health/ready")
                .unauthenticated();
    }
}
