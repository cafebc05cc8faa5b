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
 * The offices and external bodies that use GeRes, and their convenzioni with the Comuni.
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class EntiApi {
    private final ApiCaller caller;

    public EntiApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * Add a convenzione
     * <p>
     * Records a convenzione between any registered Ente and the caller's own Comune: the Comune's consent that the Ente's users may query its residents. It gives the Comune no power over the Ente, which stays managed by the Comune that registered it. Roles: TOP.
     * <p>
     * <code>POST /v1/enti/{id}/convenzioni</code>
     * <p>
     * @param id Id of the Ente.
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ConvenzioneView createConvenzione(String id, ConvenzioneInput body) {
        return createConvenzioneWithResponse(id, body, RequestOptions.none()).data();
    }

    /**
     * As {@link #createConvenzione}, with options for this call.
     * <p>
     * @param id Id of the Ente.
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ConvenzioneView createConvenzione(String id, ConvenzioneInput body, RequestOptions options) {
        return createConvenzioneWithResponse(id, body, options).data();
    }

    /**
     * As {@link #createConvenzione}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ConvenzioneView> createConvenzioneWithResponse(String id, ConvenzioneInput body, RequestOptions options) {
        return caller.execute(createConvenzioneRequest(id, body), options, ResponseType.json(ConvenzioneView.class));
    }

    /**
     * As {@link #createConvenzione}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ConvenzioneView> createConvenzioneAsync(String id, ConvenzioneInput body, RequestOptions options) {
        return createConvenzioneAsyncWithResponse(id, body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #createConvenzioneWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ConvenzioneView>> createConvenzioneAsyncWithResponse(String id, ConvenzioneInput body, RequestOptions options) {
        return caller.executeAsync(createConvenzioneRequest(id, body), options, ResponseType.json(ConvenzioneView.class));
    }

    private static ApiRequest createConvenzioneRequest(String id, ConvenzioneInput body) {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/enti/{id}/convenzioni")
                .path("id", id)
                .body(body, "application/json");
    }

    /**
     * Register an Ente
     * <p>
     * Registers an Ente, owned by the caller's Comune (whose TOP users manage its users), together with its first convenzione with that Comune. Roles: TOP.
     * <p>
     * <code>POST /v1/enti</code>
     * <p>
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public EnteView createEnte(CreateEnteRequest body) {
        return createEnteWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #createEnte}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public EnteView createEnte(CreateEnteRequest body, RequestOptions options) {
        return createEnteWithResponse(body, options).data();
    }

    /**
     * As {@link #createEnte}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<EnteView> createEnteWithResponse(CreateEnteRequest body, RequestOptions options) {
        return caller.execute(createEnteRequest(body), options, ResponseType.json(EnteView.class));
    }

    /**
     * As {@link #createEnte}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<EnteView> createEnteAsync(CreateEnteRequest body, RequestOptions options) {
        return createEnteAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #createEnteWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<EnteView>> createEnteAsyncWithResponse(CreateEnteRequest body, RequestOptions options) {
        return caller.executeAsync(createEnteRequest(body), options, ResponseType.json(EnteView.class));
    }

    private static ApiRequest createEnteRequest(CreateEnteRequest body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/enti")
                .body(body, "application/json");
    }

    /**
     * End or shorten a convenzione
     * <p>
     * Moves the last day of validity of a convenzione of the caller's own Comune earlier (yesterday ends it at once). Only the TOP users of the Comune it names may. Roles: TOP.
     * <p>
     * <code>PATCH /v1/enti/{id}/convenzioni/{convenzioneId}</code>
     * <p>
     * @param id Id of the Ente.
     * @param convenzioneId Id of the convenzione.
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ConvenzioneView endConvenzione(String id, String convenzioneId, EndConvenzioneRequest body) {
        return endConvenzioneWithResponse(id, convenzioneId, body, RequestOptions.none()).data();
    }

    /**
     * As {@link #endConvenzione}, with options for this call.
     * <p>
     * @param id Id of the Ente.
     * @param convenzioneId Id of the convenzione.
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ConvenzioneView endConvenzione(String id, String convenzioneId, EndConvenzioneRequest body, RequestOptions options) {
        return endConvenzioneWithResponse(id, convenzioneId, body, options).data();
    }

    /**
     * As {@link #endConvenzione}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ConvenzioneView> endConvenzioneWithResponse(String id, String convenzioneId, EndConvenzioneRequest body, RequestOptions options) {
        return caller.execute(endConvenzioneRequest(id, convenzioneId, body), options, ResponseType.json(ConvenzioneView.class));
    }

    /**
     * As {@link #endConvenzione}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ConvenzioneView> endConvenzioneAsync(String id, String convenzioneId, EndConvenzioneRequest body, RequestOptions options) {
        return endConvenzioneAsyncWithResponse(id, convenzioneId, body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #endConvenzioneWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ConvenzioneView>> endConvenzioneAsyncWithResponse(String id, String convenzioneId, EndConvenzioneRequest body, RequestOptions options) {
        return caller.executeAsync(endConvenzioneRequest(id, convenzioneId, body), options, ResponseType.json(ConvenzioneView.class));
    }

    private static ApiRequest endConvenzioneRequest(String id, String convenzioneId, EndConvenzioneRequest body) {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(convenzioneId, "convenzioneId is required");
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("PATCH", "/v1/enti/{id}/convenzioni/{convenzioneId}")
                .path("id", id)
                .path("convenzioneId", convenzioneId)
                .body(body, "application/json");
    }

    /**
     * Get an Ente
     * <p>
     * An Ente the caller may see (as for the list), with the convenzioni they may see. Roles: TOP, ADMIN.
     * <p>
     * <code>GET /v1/enti/{id}</code>
     * <p>
     * @param id Id of the Ente.
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public EnteView getEnte(String id) {
        return getEnteWithResponse(id, RequestOptions.none()).data();
    }

    /**
     * As {@link #getEnte}, with options for this call.
     * <p>
     * @param id Id of the Ente.
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public EnteView getEnte(String id, RequestOptions options) {
        return getEnteWithResponse(id, options).data();
    }

    /**
     * As {@link #getEnte}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<EnteView> getEnteWithResponse(String id, RequestOptions options) {
        return caller.execute(getEnteRequest(id), options, ResponseType.json(EnteView.class));
    }

    /**
     * As {@link #getEnte}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<EnteView> getEnteAsync(String id, RequestOptions options) {
        return getEnteAsyncWithResponse(id, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getEnteWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<EnteView>> getEnteAsyncWithResponse(String id, RequestOptions options) {
        return caller.executeAsync(getEnteRequest(id), options, ResponseType.json(EnteView.class));
    }

    private static ApiRequest getEnteRequest(String id) {
        Objects.requireNonNull(id, "id is required");
        return ApiRequest.of("GET", "/v1/enti/{id}")
                .path("id", id);
    }

    /**
     * List Enti
     * <p>
     * The Enti the caller may see, with their convenzioni: for TOP, those their Comune registered (all convenzioni) and those with a current or future convenzione with their Comune (that convenzione only); for ADMIN, their own. Roles: TOP, ADMIN.
     * <p>
     * <code>GET /v1/enti</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public EnteList listEnti() {
        return listEntiWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #listEnti}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public EnteList listEnti(RequestOptions options) {
        return listEntiWithResponse(options).data();
    }

    /**
     * As {@link #listEnti}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<EnteList> listEntiWithResponse(RequestOptions options) {
        return caller.execute(listEntiRequest(), options, ResponseType.json(EnteList.class));
    }

    /**
     * As {@link #listEnti}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<EnteList> listEntiAsync(RequestOptions options) {
        return listEntiAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #listEntiWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<EnteList>> listEntiAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(listEntiRequest(), options, ResponseType.json(EnteList.class));
    }

    private static ApiRequest listEntiRequest() {
        return ApiRequest.of("GET", "/v1/enti");
    }

    /**
     * Change an Ente
     * <p>
     * Changes the name or the codice fiscale of an Ente the caller's Comune registered. Roles: TOP.
     * <p>
     * <code>PATCH /v1/enti/{id}</code>
     * <p>
     * @param id Id of the Ente.
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public EnteView updateEnte(String id, UpdateEnteRequest body) {
        return updateEnteWithResponse(id, body, RequestOptions.none()).data();
    }

    /**
     * As {@link #updateEnte}, with options for this call.
     * <p>
     * @param id Id of the Ente.
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public EnteView updateEnte(String id, UpdateEnteRequest body, RequestOptions options) {
        return updateEnteWithResponse(id, body, options).data();
    }

    /**
     * As {@link #updateEnte}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<EnteView> updateEnteWithResponse(String id, UpdateEnteRequest body, RequestOptions options) {
        return caller.execute(updateEnteRequest(id, body), options, ResponseType.json(EnteView.class));
    }

    /**
     * As {@link #updateEnte}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<EnteView> updateEnteAsync(String id, UpdateEnteRequest body, RequestOptions options) {
        return updateEnteAsyncWithResponse(id, body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #updateEnteWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<EnteView>> updateEnteAsyncWithResponse(String id, UpdateEnteRequest body, RequestOptions options) {
        return caller.executeAsync(updateEnteRequest(id, body), options, ResponseType.json(EnteView.class));
    }

    private static ApiRequest updateEnteRequest(String id, UpdateEnteRequest body) {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("PATCH", "/v1/enti/{id}")
                .path("id", id)
                .body(body, "application/json");
    }
}
