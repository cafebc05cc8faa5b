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
 * The Comuni's message boards: public messages for everyone working with a Comune, private ones for one user (R-VIS-12).
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class BachecaApi {
    private final ApiCaller caller;

    public BachecaApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** Query parameters of {@link #listBachecaMessages}. */
    public static final class ListBachecaMessagesParams {
        private Integer page;
        private Integer pageSize;

        /** No query parameter set yet: all are optional. */
        public ListBachecaMessagesParams() {
        }

        /** Page to return, from 1. (default 1) */
        public Integer page() {
            return page;
        }

        /** Page to return, from 1. (default 1) */
        public ListBachecaMessagesParams page(Integer page) {
            this.page = page;
            return this;
        }

        /** Items per page. (default 50) */
        public Integer pageSize() {
            return pageSize;
        }

        /** Items per page. (default 50) */
        public ListBachecaMessagesParams pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }
    }

    /**
     * Write a message
     * <p>
     * Writes a message on the caller's Comune's bacheca: public, or private for one user the caller manages (<code>recipientId</code>). Roles: TOP.
     * <p>
     * <code>POST /v1/bacheca/messages</code>
     * <p>
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public BachecaMessageView createBachecaMessage(BachecaMessageInput body) {
        return createBachecaMessageWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #createBachecaMessage}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public BachecaMessageView createBachecaMessage(BachecaMessageInput body, RequestOptions options) {
        return createBachecaMessageWithResponse(body, options).data();
    }

    /**
     * As {@link #createBachecaMessage}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<BachecaMessageView> createBachecaMessageWithResponse(BachecaMessageInput body, RequestOptions options) {
        return caller.execute(createBachecaMessageRequest(body), options, ResponseType.json(BachecaMessageView.class));
    }

    /**
     * As {@link #createBachecaMessage}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<BachecaMessageView> createBachecaMessageAsync(BachecaMessageInput body, RequestOptions options) {
        return createBachecaMessageAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #createBachecaMessageWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<BachecaMessageView>> createBachecaMessageAsyncWithResponse(BachecaMessageInput body, RequestOptions options) {
        return caller.executeAsync(createBachecaMessageRequest(body), options, ResponseType.json(BachecaMessageView.class));
    }

    private static ApiRequest createBachecaMessageRequest(BachecaMessageInput body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/bacheca/messages")
                .body(body, "application/json");
    }

    /**
     * Remove a message
     * <p>
     * Removes a message of the caller's Comune's bacheca. Roles: TOP.
     * <p>
     * <code>DELETE /v1/bacheca/messages/{id}</code>
     * <p>
     * @param id Id of the message.
     * @return {@code null} (no content)
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Void deleteBachecaMessage(String id) {
        return deleteBachecaMessageWithResponse(id, RequestOptions.none()).data();
    }

    /**
     * As {@link #deleteBachecaMessage}, with options for this call.
     * <p>
     * @param id Id of the message.
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return {@code null} (no content)
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Void deleteBachecaMessage(String id, RequestOptions options) {
        return deleteBachecaMessageWithResponse(id, options).data();
    }

    /**
     * As {@link #deleteBachecaMessage}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<Void> deleteBachecaMessageWithResponse(String id, RequestOptions options) {
        return caller.execute(deleteBachecaMessageRequest(id), options, ResponseType.none());
    }

    /**
     * As {@link #deleteBachecaMessage}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<Void> deleteBachecaMessageAsync(String id, RequestOptions options) {
        return deleteBachecaMessageAsyncWithResponse(id, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #deleteBachecaMessageWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<Void>> deleteBachecaMessageAsyncWithResponse(String id, RequestOptions options) {
        return caller.executeAsync(deleteBachecaMessageRequest(id), options, ResponseType.none());
    }

    private static ApiRequest deleteBachecaMessageRequest(String id) {
        Objects.requireNonNull(id, "id is required");
        return ApiRequest.of("DELETE", "/v1/bacheca/messages/{id}")
                .path("id", id);
    }

    /**
     * List the Comune's messages
     * <p>
     * Every message of the caller's Comune's bacheca, past, current and future. Roles: TOP.
     * <p>
     * <code>GET /v1/bacheca/messages</code>
     * <p>
     * @param params the query parameters
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public BachecaMessageList listBachecaMessages(ListBachecaMessagesParams params) {
        return listBachecaMessagesWithResponse(params, RequestOptions.none()).data();
    }

    /**
     * As {@link #listBachecaMessages}, with options for this call.
     * <p>
     * @param params the query parameters
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public BachecaMessageList listBachecaMessages(ListBachecaMessagesParams params, RequestOptions options) {
        return listBachecaMessagesWithResponse(params, options).data();
    }

    /**
     * As {@link #listBachecaMessages}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<BachecaMessageList> listBachecaMessagesWithResponse(ListBachecaMessagesParams params, RequestOptions options) {
        return caller.execute(listBachecaMessagesRequest(params), options, ResponseType.json(BachecaMessageList.class));
    }

    /**
     * As {@link #listBachecaMessages}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<BachecaMessageList> listBachecaMessagesAsync(ListBachecaMessagesParams params, RequestOptions options) {
        return listBachecaMessagesAsyncWithResponse(params, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #listBachecaMessagesWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<BachecaMessageList>> listBachecaMessagesAsyncWithResponse(ListBachecaMessagesParams params, RequestOptions options) {
        return caller.executeAsync(listBachecaMessagesRequest(params), options, ResponseType.json(BachecaMessageList.class));
    }

    private static ApiRequest listBachecaMessagesRequest(ListBachecaMessagesParams params) {
        return ApiRequest.of("GET", "/v1/bacheca/messages")
                .query("page", params == null ? null : params.page())
                .query("pageSize", params == null ? null : params.pageSize());
    }

    /**
     * Read my bacheca
     * <p>
     * The messages valid today for the caller: the public ones of the Comuni they work with (their own, or their Ente's Comune and current convenzioni) and the private ones for them (R-VIS-12).
     * <p>
     * <code>GET /v1/bacheca</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public BachecaMessageList readBacheca() {
        return readBachecaWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #readBacheca}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public BachecaMessageList readBacheca(RequestOptions options) {
        return readBachecaWithResponse(options).data();
    }

    /**
     * As {@link #readBacheca}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<BachecaMessageList> readBachecaWithResponse(RequestOptions options) {
        return caller.execute(readBachecaRequest(), options, ResponseType.json(BachecaMessageList.class));
    }

    /**
     * As {@link #readBacheca}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<BachecaMessageList> readBachecaAsync(RequestOptions options) {
        return readBachecaAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #readBachecaWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<BachecaMessageList>> readBachecaAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(readBachecaRequest(), options, ResponseType.json(BachecaMessageList.class));
    }

    private static ApiRequest readBachecaRequest() {
        return ApiRequest.of("GET", "/v1/bacheca");
    }

    /**
     * Change a message
     * <p>
     * Changes title, text or validity of a message of the caller's Comune. Roles: TOP.
     * <p>
     * <code>PATCH /v1/bacheca/messages/{id}</code>
     * <p>
     * @param id Id of the message.
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public BachecaMessageView updateBachecaMessage(String id, BachecaMessageChange body) {
        return updateBachecaMessageWithResponse(id, body, RequestOptions.none()).data();
    }

    /**
     * As {@link #updateBachecaMessage}, with options for this call.
     * <p>
     * @param id Id of the message.
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public BachecaMessageView updateBachecaMessage(String id, BachecaMessageChange body, RequestOptions options) {
        return updateBachecaMessageWithResponse(id, body, options).data();
    }

    /**
     * As {@link #updateBachecaMessage}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<BachecaMessageView> updateBachecaMessageWithResponse(String id, BachecaMessageChange body, RequestOptions options) {
        return caller.execute(updateBachecaMessageRequest(id, body), options, ResponseType.json(BachecaMessageView.class));
    }

    /**
     * As {@link #updateBachecaMessage}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<BachecaMessageView> updateBachecaMessageAsync(String id, BachecaMessageChange body, RequestOptions options) {
        return updateBachecaMessageAsyncWithResponse(id, body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #updateBachecaMessageWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<BachecaMessageView>> updateBachecaMessageAsyncWithResponse(String id, BachecaMessageChange body, RequestOptions options) {
        return caller.executeAsync(updateBachecaMessageRequest(id, body), options, ResponseType.json(BachecaMessageView.class));
    }

    private static ApiRequest updateBachecaMessageRequest(String id, BachecaMessageChange body) {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("PATCH", "/v1/bacheca/messages/{id}")
                .path("id", id)
                .body(body, "application/json");
    }
}
