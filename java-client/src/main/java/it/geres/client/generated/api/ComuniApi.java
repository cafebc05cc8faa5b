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
 * A Comune's ANPR settings and policies, managed by its TOP users.
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class ComuniApi {
    private final ApiCaller caller;

    public ComuniApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * Get my Comune
     * <p>
     * The Comune with its ANPR settings and policies. Only the caller's own Comune is visible. Roles: TOP.
     * <p>
     * <code>GET /v1/comuni/{codiceIstat}</code>
     * <p>
     * @param codiceIstat ISTAT code of the Comune.
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ComuneView getComune(String codiceIstat) {
        return getComuneWithResponse(codiceIstat, RequestOptions.none()).data();
    }

    /**
     * As {@link #getComune}, with options for this call.
     * <p>
     * @param codiceIstat ISTAT code of the Comune.
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ComuneView getComune(String codiceIstat, RequestOptions options) {
        return getComuneWithResponse(codiceIstat, options).data();
    }

    /**
     * As {@link #getComune}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ComuneView> getComuneWithResponse(String codiceIstat, RequestOptions options) {
        return caller.execute(getComuneRequest(codiceIstat), options, ResponseType.json(ComuneView.class));
    }

    /**
     * As {@link #getComune}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ComuneView> getComuneAsync(String codiceIstat, RequestOptions options) {
        return getComuneAsyncWithResponse(codiceIstat, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getComuneWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ComuneView>> getComuneAsyncWithResponse(String codiceIstat, RequestOptions options) {
        return caller.executeAsync(getComuneRequest(codiceIstat), options, ResponseType.json(ComuneView.class));
    }

    private static ApiRequest getComuneRequest(String codiceIstat) {
        Objects.requireNonNull(codiceIstat, "codiceIstat is required");
        return ApiRequest.of("GET", "/v1/comuni/{codiceIstat}")
                .path("codiceIstat", codiceIstat);
    }

    /**
     * Change my Comune's settings
     * <p>
     * Changes the ANPR settings and policies of the caller's own Comune; fields left out stay as they are. Roles: TOP.
     * <p>
     * <code>PATCH /v1/comuni/{codiceIstat}/settings</code>
     * <p>
     * @param codiceIstat ISTAT code of the Comune.
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ComuneView updateComuneSettings(String codiceIstat, UpdateComuneSettingsRequest body) {
        return updateComuneSettingsWithResponse(codiceIstat, body, RequestOptions.none()).data();
    }

    /**
     * As {@link #updateComuneSettings}, with options for this call.
     * <p>
     * @param codiceIstat ISTAT code of the Comune.
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ComuneView updateComuneSettings(String codiceIstat, UpdateComuneSettingsRequest body, RequestOptions options) {
        return updateComuneSettingsWithResponse(codiceIstat, body, options).data();
    }

    /**
     * As {@link #updateComuneSettings}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ComuneView> updateComuneSettingsWithResponse(String codiceIstat, UpdateComuneSettingsRequest body, RequestOptions options) {
        return caller.execute(updateComuneSettingsRequest(codiceIstat, body), options, ResponseType.json(ComuneView.class));
    }

    /**
     * As {@link #updateComuneSettings}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ComuneView> updateComuneSettingsAsync(String codiceIstat, UpdateComuneSettingsRequest body, RequestOptions options) {
        return updateComuneSettingsAsyncWithResponse(codiceIstat, body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #updateComuneSettingsWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ComuneView>> updateComuneSettingsAsyncWithResponse(String codiceIstat, UpdateComuneSettingsRequest body, RequestOptions options) {
        return caller.executeAsync(updateComuneSettingsRequest(codiceIstat, body), options, ResponseType.json(ComuneView.class));
    }

    private static ApiRequest updateComuneSettingsRequest(String codiceIstat, UpdateComuneSettingsRequest body) {
        Objects.requireNonNull(codiceIstat, "codiceIstat is required");
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("PATCH", "/v1/comuni/{codiceIstat}/settings")
                .path("codiceIstat", codiceIstat)
                .body(body, "application/json");
    }
}
