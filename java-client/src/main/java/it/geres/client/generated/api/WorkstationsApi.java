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
 * Workstations (postazioni) of the Enti, and their authorisation by the Comune.
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class WorkstationsApi {
    private final ApiCaller caller;

    public WorkstationsApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * Register a workstation
     * <p>
     * Registers a workstation of an Ente of the caller's area, not yet authorised; optionally issues a device token, returned this once. Roles: TOP, ADMIN.
     * <p>
     * <code>POST /v1/workstations</code>
     * <p>
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public WorkstationCreated createWorkstation(CreateWorkstationRequest body) {
        return createWorkstationWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #createWorkstation}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public WorkstationCreated createWorkstation(CreateWorkstationRequest body, RequestOptions options) {
        return createWorkstationWithResponse(body, options).data();
    }

    /**
     * As {@link #createWorkstation}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<WorkstationCreated> createWorkstationWithResponse(CreateWorkstationRequest body, RequestOptions options) {
        return caller.execute(createWorkstationRequest(body), options, ResponseType.json(WorkstationCreated.class));
    }

    /**
     * As {@link #createWorkstation}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<WorkstationCreated> createWorkstationAsync(CreateWorkstationRequest body, RequestOptions options) {
        return createWorkstationAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #createWorkstationWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<WorkstationCreated>> createWorkstationAsyncWithResponse(CreateWorkstationRequest body, RequestOptions options) {
        return caller.executeAsync(createWorkstationRequest(body), options, ResponseType.json(WorkstationCreated.class));
    }

    private static ApiRequest createWorkstationRequest(CreateWorkstationRequest body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/workstations")
                .body(body, "application/json");
    }

    /**
     * List workstations
     * <p>
     * Workstations of the Enti in the caller's area (for ADMIN, their own Ente's). Roles: TOP, ADMIN.
     * <p>
     * <code>GET /v1/workstations</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public WorkstationList listWorkstations() {
        return listWorkstationsWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #listWorkstations}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public WorkstationList listWorkstations(RequestOptions options) {
        return listWorkstationsWithResponse(options).data();
    }

    /**
     * As {@link #listWorkstations}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<WorkstationList> listWorkstationsWithResponse(RequestOptions options) {
        return caller.execute(listWorkstationsRequest(), options, ResponseType.json(WorkstationList.class));
    }

    /**
     * As {@link #listWorkstations}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<WorkstationList> listWorkstationsAsync(RequestOptions options) {
        return listWorkstationsAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #listWorkstationsWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<WorkstationList>> listWorkstationsAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(listWorkstationsRequest(), options, ResponseType.json(WorkstationList.class));
    }

    private static ApiRequest listWorkstationsRequest() {
        return ApiRequest.of("GET", "/v1/workstations");
    }

    /**
     * Change a workstation
     * <p>
     * Changes the label, IP range or certificate of a workstation of the caller's area; a change to how it is recognised withdraws its authorisation. TOP users of the Comune that registered its Ente also authorise it or withdraw the authorisation. Roles: TOP, ADMIN.
     * <p>
     * <code>PATCH /v1/workstations/{id}</code>
     * <p>
     * @param id Id of the workstation.
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public WorkstationView updateWorkstation(String id, UpdateWorkstationRequest body) {
        return updateWorkstationWithResponse(id, body, RequestOptions.none()).data();
    }

    /**
     * As {@link #updateWorkstation}, with options for this call.
     * <p>
     * @param id Id of the workstation.
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public WorkstationView updateWorkstation(String id, UpdateWorkstationRequest body, RequestOptions options) {
        return updateWorkstationWithResponse(id, body, options).data();
    }

    /**
     * As {@link #updateWorkstation}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<WorkstationView> updateWorkstationWithResponse(String id, UpdateWorkstationRequest body, RequestOptions options) {
        return caller.execute(updateWorkstationRequest(id, body), options, ResponseType.json(WorkstationView.class));
    }

    /**
     * As {@link #updateWorkstation}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<WorkstationView> updateWorkstationAsync(String id, UpdateWorkstationRequest body, RequestOptions options) {
        return updateWorkstationAsyncWithResponse(id, body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #updateWorkstationWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<WorkstationView>> updateWorkstationAsyncWithResponse(String id, UpdateWorkstationRequest body, RequestOptions options) {
        return caller.executeAsync(updateWorkstationRequest(id, body), options, ResponseType.json(WorkstationView.class));
    }

    private static ApiRequest updateWorkstationRequest(String id, UpdateWorkstationRequest body) {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("PATCH", "/v1/workstations/{id}")
                .path("id", id)
                .body(body, "application/json");
    }
}
