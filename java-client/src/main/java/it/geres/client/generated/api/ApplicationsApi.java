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
 * Third-party applications of an Ente, their client secrets and the operators they act for.
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class ApplicationsApi {
    private final ApiCaller caller;

    public ApplicationsApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * Register an application
     * <p>
     * Registers an application of the caller's Ente and issues its first client secret, returned this once. Roles: ADMIN.
     * <p>
     * <code>POST /v1/applications</code>
     * <p>
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationWithSecret createApplication(CreateApplicationRequest body) {
        return createApplicationWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #createApplication}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationWithSecret createApplication(CreateApplicationRequest body, RequestOptions options) {
        return createApplicationWithResponse(body, options).data();
    }

    /**
     * As {@link #createApplication}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ApplicationWithSecret> createApplicationWithResponse(CreateApplicationRequest body, RequestOptions options) {
        return caller.execute(createApplicationRequest(body), options, ResponseType.json(ApplicationWithSecret.class));
    }

    /**
     * As {@link #createApplication}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ApplicationWithSecret> createApplicationAsync(CreateApplicationRequest body, RequestOptions options) {
        return createApplicationAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #createApplicationWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ApplicationWithSecret>> createApplicationAsyncWithResponse(CreateApplicationRequest body, RequestOptions options) {
        return caller.executeAsync(createApplicationRequest(body), options, ResponseType.json(ApplicationWithSecret.class));
    }

    private static ApiRequest createApplicationRequest(CreateApplicationRequest body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/applications")
                .body(body, "application/json");
    }

    /**
     * Get an application
     * <p>
     * An application of the caller's area, with its operators and secrets (never the secrets themselves). Roles: TOP, ADMIN.
     * <p>
     * <code>GET /v1/applications/{id}</code>
     * <p>
     * @param id Id of the application.
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationView getApplication(String id) {
        return getApplicationWithResponse(id, RequestOptions.none()).data();
    }

    /**
     * As {@link #getApplication}, with options for this call.
     * <p>
     * @param id Id of the application.
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationView getApplication(String id, RequestOptions options) {
        return getApplicationWithResponse(id, options).data();
    }

    /**
     * As {@link #getApplication}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ApplicationView> getApplicationWithResponse(String id, RequestOptions options) {
        return caller.execute(getApplicationRequest(id), options, ResponseType.json(ApplicationView.class));
    }

    /**
     * As {@link #getApplication}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ApplicationView> getApplicationAsync(String id, RequestOptions options) {
        return getApplicationAsyncWithResponse(id, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getApplicationWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ApplicationView>> getApplicationAsyncWithResponse(String id, RequestOptions options) {
        return caller.executeAsync(getApplicationRequest(id), options, ResponseType.json(ApplicationView.class));
    }

    private static ApiRequest getApplicationRequest(String id) {
        Objects.requireNonNull(id, "id is required");
        return ApiRequest.of("GET", "/v1/applications/{id}")
                .path("id", id);
    }

    /**
     * List applications
     * <p>
     * Applications of the Enti in the caller's area (for ADMIN, their own Ente's). Roles: TOP, ADMIN.
     * <p>
     * <code>GET /v1/applications</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationList listApplications() {
        return listApplicationsWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #listApplications}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationList listApplications(RequestOptions options) {
        return listApplicationsWithResponse(options).data();
    }

    /**
     * As {@link #listApplications}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ApplicationList> listApplicationsWithResponse(RequestOptions options) {
        return caller.execute(listApplicationsRequest(), options, ResponseType.json(ApplicationList.class));
    }

    /**
     * As {@link #listApplications}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ApplicationList> listApplicationsAsync(RequestOptions options) {
        return listApplicationsAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #listApplicationsWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ApplicationList>> listApplicationsAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(listApplicationsRequest(), options, ResponseType.json(ApplicationList.class));
    }

    private static ApiRequest listApplicationsRequest() {
        return ApiRequest.of("GET", "/v1/applications");
    }

    /**
     * Revoke an application
     * <p>
     * Revokes the application: it can no longer obtain tokens, and its tokens stop working. Roles: ADMIN.
     * <p>
     * <code>POST /v1/applications/{id}/revocation</code>
     * <p>
     * @param id Id of the application.
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationView revokeApplication(String id) {
        return revokeApplicationWithResponse(id, RequestOptions.none()).data();
    }

    /**
     * As {@link #revokeApplication}, with options for this call.
     * <p>
     * @param id Id of the application.
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationView revokeApplication(String id, RequestOptions options) {
        return revokeApplicationWithResponse(id, options).data();
    }

    /**
     * As {@link #revokeApplication}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ApplicationView> revokeApplicationWithResponse(String id, RequestOptions options) {
        return caller.execute(revokeApplicationRequest(id), options, ResponseType.json(ApplicationView.class));
    }

    /**
     * As {@link #revokeApplication}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ApplicationView> revokeApplicationAsync(String id, RequestOptions options) {
        return revokeApplicationAsyncWithResponse(id, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #revokeApplicationWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ApplicationView>> revokeApplicationAsyncWithResponse(String id, RequestOptions options) {
        return caller.executeAsync(revokeApplicationRequest(id), options, ResponseType.json(ApplicationView.class));
    }

    private static ApiRequest revokeApplicationRequest(String id) {
        Objects.requireNonNull(id, "id is required");
        return ApiRequest.of("POST", "/v1/applications/{id}/revocation")
                .path("id", id);
    }

    /**
     * Revoke an application secret
     * <p>
     * Revokes one client secret at once (for a leaked secret). Roles: ADMIN.
     * <p>
     * <code>DELETE /v1/applications/{id}/secrets/{secretId}</code>
     * <p>
     * @param id Id of the application.
     * @param secretId Id of the secret.
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationView revokeApplicationSecret(String id, String secretId) {
        return revokeApplicationSecretWithResponse(id, secretId, RequestOptions.none()).data();
    }

    /**
     * As {@link #revokeApplicationSecret}, with options for this call.
     * <p>
     * @param id Id of the application.
     * @param secretId Id of the secret.
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationView revokeApplicationSecret(String id, String secretId, RequestOptions options) {
        return revokeApplicationSecretWithResponse(id, secretId, options).data();
    }

    /**
     * As {@link #revokeApplicationSecret}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ApplicationView> revokeApplicationSecretWithResponse(String id, String secretId, RequestOptions options) {
        return caller.execute(revokeApplicationSecretRequest(id, secretId), options, ResponseType.json(ApplicationView.class));
    }

    /**
     * As {@link #revokeApplicationSecret}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ApplicationView> revokeApplicationSecretAsync(String id, String secretId, RequestOptions options) {
        return revokeApplicationSecretAsyncWithResponse(id, secretId, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #revokeApplicationSecretWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ApplicationView>> revokeApplicationSecretAsyncWithResponse(String id, String secretId, RequestOptions options) {
        return caller.executeAsync(revokeApplicationSecretRequest(id, secretId), options, ResponseType.json(ApplicationView.class));
    }

    private static ApiRequest revokeApplicationSecretRequest(String id, String secretId) {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(secretId, "secretId is required");
        return ApiRequest.of("DELETE", "/v1/applications/{id}/secrets/{secretId}")
                .path("id", id)
                .path("secretId", secretId);
    }

    /**
     * Rotate an application's secret
     * <p>
     * Issues a new client secret, returned this once. The current secrets keep working for the configured overlap (24 hours by default), then expire. Roles: ADMIN.
     * <p>
     * <code>POST /v1/applications/{id}/secrets</code>
     * <p>
     * @param id Id of the application.
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationWithSecret rotateApplicationSecret(String id) {
        return rotateApplicationSecretWithResponse(id, RequestOptions.none()).data();
    }

    /**
     * As {@link #rotateApplicationSecret}, with options for this call.
     * <p>
     * @param id Id of the application.
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationWithSecret rotateApplicationSecret(String id, RequestOptions options) {
        return rotateApplicationSecretWithResponse(id, options).data();
    }

    /**
     * As {@link #rotateApplicationSecret}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ApplicationWithSecret> rotateApplicationSecretWithResponse(String id, RequestOptions options) {
        return caller.execute(rotateApplicationSecretRequest(id), options, ResponseType.json(ApplicationWithSecret.class));
    }

    /**
     * As {@link #rotateApplicationSecret}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ApplicationWithSecret> rotateApplicationSecretAsync(String id, RequestOptions options) {
        return rotateApplicationSecretAsyncWithResponse(id, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #rotateApplicationSecretWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ApplicationWithSecret>> rotateApplicationSecretAsyncWithResponse(String id, RequestOptions options) {
        return caller.executeAsync(rotateApplicationSecretRequest(id), options, ResponseType.json(ApplicationWithSecret.class));
    }

    private static ApiRequest rotateApplicationSecretRequest(String id) {
        Objects.requireNonNull(id, "id is required");
        return ApiRequest.of("POST", "/v1/applications/{id}/secrets")
                .path("id", id);
    }

    /**
     * Set an application's operators
     * <p>
     * Replaces the users of the Ente the application may act for (named in X-GeRes-Operator). Roles: ADMIN.
     * <p>
     * <code>PUT /v1/applications/{id}/operators</code>
     * <p>
     * @param id Id of the application.
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationView setApplicationOperators(String id, SetOperatorsRequest body) {
        return setApplicationOperatorsWithResponse(id, body, RequestOptions.none()).data();
    }

    /**
     * As {@link #setApplicationOperators}, with options for this call.
     * <p>
     * @param id Id of the application.
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ApplicationView setApplicationOperators(String id, SetOperatorsRequest body, RequestOptions options) {
        return setApplicationOperatorsWithResponse(id, body, options).data();
    }

    /**
     * As {@link #setApplicationOperators}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ApplicationView> setApplicationOperatorsWithResponse(String id, SetOperatorsRequest body, RequestOptions options) {
        return caller.execute(setApplicationOperatorsRequest(id, body), options, ResponseType.json(ApplicationView.class));
    }

    /**
     * As {@link #setApplicationOperators}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ApplicationView> setApplicationOperatorsAsync(String id, SetOperatorsRequest body, RequestOptions options) {
        return setApplicationOperatorsAsyncWithResponse(id, body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #setApplicationOperatorsWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ApplicationView>> setApplicationOperatorsAsyncWithResponse(String id, SetOperatorsRequest body, RequestOptions options) {
        return caller.executeAsync(setApplicationOperatorsRequest(id, body), options, ResponseType.json(ApplicationView.class));
    }

    private static ApiRequest setApplicationOperatorsRequest(String id, SetOperatorsRequest body) {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("PUT", "/v1/applications/{id}/operators")
                .path("id", id)
                .body(body, "application/json");
    }
}
