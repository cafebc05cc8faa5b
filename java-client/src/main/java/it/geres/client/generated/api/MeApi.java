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
 * The caller: who they are, their password, their own request history and access log.
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class MeApi {
    private final ApiCaller caller;

    public MeApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** Query parameters of {@link #listMyAccessLog}. */
    public static final class ListMyAccessLogParams {
        private Integer page;
        private Integer pageSize;
        private String from;
        private String to;
        private String userId;
        private String enteId;
        private AccessEventKind event;

        /** No query parameter set yet: all are optional. */
        public ListMyAccessLogParams() {
        }

        /** Page to return, from 1. (default 1) */
        public Integer page() {
            return page;
        }

        /** Page to return, from 1. (default 1) */
        public ListMyAccessLogParams page(Integer page) {
            this.page = page;
            return this;
        }

        /** Items per page. (default 50) */
        public Integer pageSize() {
            return pageSize;
        }

        /** Items per page. (default 50) */
        public ListMyAccessLogParams pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** From this day (UTC), inclusive. (format date) */
        public String from() {
            return from;
        }

        /** From this day (UTC), inclusive. (format date) */
        public ListMyAccessLogParams from(String from) {
            this.from = from;
            return this;
        }

        /** To this day (UTC), inclusive. (format date) */
        public String to() {
            return to;
        }

        /** To this day (UTC), inclusive. (format date) */
        public ListMyAccessLogParams to(String to) {
            this.to = to;
            return this;
        }

        /** Only entries of this user. (format uuid) */
        public String userId() {
            return userId;
        }

        /** Only entries of this user. (format uuid) */
        public ListMyAccessLogParams userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** Only entries of users of this Ente. (format uuid) */
        public String enteId() {
            return enteId;
        }

        /** Only entries of users of this Ente. (format uuid) */
        public ListMyAccessLogParams enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** Only entries of this kind. */
        public AccessEventKind event() {
            return event;
        }

        /** Only entries of this kind. */
        public ListMyAccessLogParams event(AccessEventKind event) {
            this.event = event;
            return this;
        }
    }

    /** Query parameters of {@link #listMyHistory}. */
    public static final class ListMyHistoryParams {
        private Integer page;
        private Integer pageSize;
        private String from;
        private String to;
        private String userId;
        private String enteId;
        private String comune;
        private String subject;
        private AuditOutcome outcome;

        /** No query parameter set yet: all are optional. */
        public ListMyHistoryParams() {
        }

        /** Page to return, from 1. (default 1) */
        public Integer page() {
            return page;
        }

        /** Page to return, from 1. (default 1) */
        public ListMyHistoryParams page(Integer page) {
            this.page = page;
            return this;
        }

        /** Items per page. (default 50) */
        public Integer pageSize() {
            return pageSize;
        }

        /** Items per page. (default 50) */
        public ListMyHistoryParams pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** From this day (UTC), inclusive. (format date) */
        public String from() {
            return from;
        }

        /** From this day (UTC), inclusive. (format date) */
        public ListMyHistoryParams from(String from) {
            this.from = from;
            return this;
        }

        /** To this day (UTC), inclusive. (format date) */
        public String to() {
            return to;
        }

        /** To this day (UTC), inclusive. (format date) */
        public ListMyHistoryParams to(String to) {
            this.to = to;
            return this;
        }

        /** Only requests of this user. (format uuid) */
        public String userId() {
            return userId;
        }

        /** Only requests of this user. (format uuid) */
        public ListMyHistoryParams userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** Only requests of users of this Ente. (format uuid) */
        public String enteId() {
            return enteId;
        }

        /** Only requests of users of this Ente. (format uuid) */
        public ListMyHistoryParams enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** Only requests concerning this Comune (ISTAT code). */
        public String comune() {
            return comune;
        }

        /** Only requests concerning this Comune (ISTAT code). */
        public ListMyHistoryParams comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** A codice fiscale or idANPR searched for or returned. */
        public String subject() {
            return subject;
        }

        /** A codice fiscale or idANPR searched for or returned. */
        public ListMyHistoryParams subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** Only requests with this outcome. */
        public AuditOutcome outcome() {
            return outcome;
        }

        /** Only requests with this outcome. */
        public ListMyHistoryParams outcome(AuditOutcome outcome) {
            this.outcome = outcome;
            return this;
        }
    }

    /**
     * Change my password
     * <p>
     * Changes the caller's own password; the new one must differ from the current one. Every refresh token of the caller is revoked: other sessions end at their next refresh. Clears a forced change (<code>password-change-required</code>). Wrong current passwords are throttled like logins (<code>rate-limited</code>). Not available to applications (<code>forbidden</code>).
     * <p>
     * <code>POST /v1/me/password</code>
     * <p>
     * @param body the request body (application/json)
     * @return {@code null} (no content)
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Void changeMyPassword(ChangePasswordRequest body) {
        return changeMyPasswordWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #changeMyPassword}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return {@code null} (no content)
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Void changeMyPassword(ChangePasswordRequest body, RequestOptions options) {
        return changeMyPasswordWithResponse(body, options).data();
    }

    /**
     * As {@link #changeMyPassword}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<Void> changeMyPasswordWithResponse(ChangePasswordRequest body, RequestOptions options) {
        return caller.execute(changeMyPasswordRequest(body), options, ResponseType.none());
    }

    /**
     * As {@link #changeMyPassword}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<Void> changeMyPasswordAsync(ChangePasswordRequest body, RequestOptions options) {
        return changeMyPasswordAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #changeMyPasswordWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<Void>> changeMyPasswordAsyncWithResponse(ChangePasswordRequest body, RequestOptions options) {
        return caller.executeAsync(changeMyPasswordRequest(body), options, ResponseType.none());
    }

    private static ApiRequest changeMyPasswordRequest(ChangePasswordRequest body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/me/password")
                .body(body, "application/json");
    }

    /**
     * Who am I
     * <p>
     * The user behind the token (for an application, the operator it acts for), their profile, their Ente, the Comuni they work with today (with the policies that decide how their visure are handled there), the calling application, the recognised workstation and, under a delegation grant, the acting service.
     * <p>
     * <code>GET /v1/me</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Me getMe() {
        return getMeWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #getMe}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Me getMe(RequestOptions options) {
        return getMeWithResponse(options).data();
    }

    /**
     * As {@link #getMe}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<Me> getMeWithResponse(RequestOptions options) {
        return caller.execute(getMeRequest(), options, ResponseType.json(Me.class));
    }

    /**
     * As {@link #getMe}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<Me> getMeAsync(RequestOptions options) {
        return getMeAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getMeWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<Me>> getMeAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(getMeRequest(), options, ResponseType.json(Me.class));
    }

    private static ApiRequest getMeRequest() {
        return ApiRequest.of("GET", "/v1/me");
    }

    /**
     * Your usage against your daily quota
     * <p>
     * How many lookups you made today, against your daily quota.
     * <p>
     * <code>GET /v1/me/usage</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Usage getMyUsage() {
        return getMyUsageWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #getMyUsage}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Usage getMyUsage(RequestOptions options) {
        return getMyUsageWithResponse(options).data();
    }

    /**
     * As {@link #getMyUsage}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<Usage> getMyUsageWithResponse(RequestOptions options) {
        return caller.execute(getMyUsageRequest(), options, ResponseType.json(Usage.class));
    }

    /**
     * As {@link #getMyUsage}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<Usage> getMyUsageAsync(RequestOptions options) {
        return getMyUsageAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getMyUsageWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<Usage>> getMyUsageAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(getMyUsageRequest(), options, ResponseType.json(Usage.class));
    }

    private static ApiRequest getMyUsageRequest() {
        return ApiRequest.of("GET", "/v1/me/usage");
    }

    /**
     * List my access log
     * <p>
     * The caller's own logins, logouts, token refreshes and functions used, newest first.
     * <p>
     * <code>GET /v1/me/access-log</code>
     * <p>
     * @param params the query parameters
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AccessLogPage listMyAccessLog(ListMyAccessLogParams params) {
        return listMyAccessLogWithResponse(params, RequestOptions.none()).data();
    }

    /**
     * As {@link #listMyAccessLog}, with options for this call.
     * <p>
     * @param params the query parameters
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AccessLogPage listMyAccessLog(ListMyAccessLogParams params, RequestOptions options) {
        return listMyAccessLogWithResponse(params, options).data();
    }

    /**
     * As {@link #listMyAccessLog}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<AccessLogPage> listMyAccessLogWithResponse(ListMyAccessLogParams params, RequestOptions options) {
        return caller.execute(listMyAccessLogRequest(params), options, ResponseType.json(AccessLogPage.class));
    }

    /**
     * As {@link #listMyAccessLog}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<AccessLogPage> listMyAccessLogAsync(ListMyAccessLogParams params, RequestOptions options) {
        return listMyAccessLogAsyncWithResponse(params, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #listMyAccessLogWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<AccessLogPage>> listMyAccessLogAsyncWithResponse(ListMyAccessLogParams params, RequestOptions options) {
        return caller.executeAsync(listMyAccessLogRequest(params), options, ResponseType.json(AccessLogPage.class));
    }

    private static ApiRequest listMyAccessLogRequest(ListMyAccessLogParams params) {
        return ApiRequest.of("GET", "/v1/me/access-log")
                .query("page", params == null ? null : params.page())
                .query("pageSize", params == null ? null : params.pageSize())
                .query("from", params == null ? null : params.from())
                .query("to", params == null ? null : params.to())
                .query("userId", params == null ? null : params.userId())
                .query("enteId", params == null ? null : params.enteId())
                .query("event", params == null ? null : params.event());
    }

    /**
     * List my request history
     * <p>
     * The caller's own requests from the audit trail, newest first.
     * <p>
     * <code>GET /v1/me/history</code>
     * <p>
     * @param params the query parameters
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AuditEventPage listMyHistory(ListMyHistoryParams params) {
        return listMyHistoryWithResponse(params, RequestOptions.none()).data();
    }

    /**
     * As {@link #listMyHistory}, with options for this call.
     * <p>
     * @param params the query parameters
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AuditEventPage listMyHistory(ListMyHistoryParams params, RequestOptions options) {
        return listMyHistoryWithResponse(params, options).data();
    }

    /**
     * As {@link #listMyHistory}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<AuditEventPage> listMyHistoryWithResponse(ListMyHistoryParams params, RequestOptions options) {
        return caller.execute(listMyHistoryRequest(params), options, ResponseType.json(AuditEventPage.class));
    }

    /**
     * As {@link #listMyHistory}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<AuditEventPage> listMyHistoryAsync(ListMyHistoryParams params, RequestOptions options) {
        return listMyHistoryAsyncWithResponse(params, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #listMyHistoryWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<AuditEventPage>> listMyHistoryAsyncWithResponse(ListMyHistoryParams params, RequestOptions options) {
        return caller.executeAsync(listMyHistoryRequest(params), options, ResponseType.json(AuditEventPage.class));
    }

    private static ApiRequest listMyHistoryRequest(ListMyHistoryParams params) {
        return ApiRequest.of("GET", "/v1/me/history")
                .query("page", params == null ? null : params.page())
                .query("pageSize", params == null ? null : params.pageSize())
                .query("from", params == null ? null : params.from())
                .query("to", params == null ? null : params.to())
                .query("userId", params == null ? null : params.userId())
                .query("enteId", params == null ? null : params.enteId())
                .query("comune", params == null ? null : params.comune())
                .query("subject", params == null ? null : params.subject())
                .query("outcome", params == null ? null : params.outcome());
    }
}
