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
 * The tamper-evident audit trail of every request and the access log, as far as the caller may monitor them.
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class AuditApi {
    private final ApiCaller caller;

    public AuditApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** Query parameters of {@link #searchAccessLog}. */
    public static final class SearchAccessLogParams {
        private Integer page;
        private Integer pageSize;
        private String from;
        private String to;
        private String userId;
        private String enteId;
        private AccessEventKind event;

        /** No query parameter set yet: all are optional. */
        public SearchAccessLogParams() {
        }

        /** Page to return, from 1. (default 1) */
        public Integer page() {
            return page;
        }

        /** Page to return, from 1. (default 1) */
        public SearchAccessLogParams page(Integer page) {
            this.page = page;
            return this;
        }

        /** Items per page. (default 50) */
        public Integer pageSize() {
            return pageSize;
        }

        /** Items per page. (default 50) */
        public SearchAccessLogParams pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** From this day (UTC), inclusive. (format date) */
        public String from() {
            return from;
        }

        /** From this day (UTC), inclusive. (format date) */
        public SearchAccessLogParams from(String from) {
            this.from = from;
            return this;
        }

        /** To this day (UTC), inclusive. (format date) */
        public String to() {
            return to;
        }

        /** To this day (UTC), inclusive. (format date) */
        public SearchAccessLogParams to(String to) {
            this.to = to;
            return this;
        }

        /** Only entries of this user. (format uuid) */
        public String userId() {
            return userId;
        }

        /** Only entries of this user. (format uuid) */
        public SearchAccessLogParams userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** Only entries of users of this Ente. (format uuid) */
        public String enteId() {
            return enteId;
        }

        /** Only entries of users of this Ente. (format uuid) */
        public SearchAccessLogParams enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** Only entries of this kind. */
        public AccessEventKind event() {
            return event;
        }

        /** Only entries of this kind. */
        public SearchAccessLogParams event(AccessEventKind event) {
            this.event = event;
            return this;
        }
    }

    /** Query parameters of {@link #searchAuditEvents}. */
    public static final class SearchAuditEventsParams {
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
        public SearchAuditEventsParams() {
        }

        /** Page to return, from 1. (default 1) */
        public Integer page() {
            return page;
        }

        /** Page to return, from 1. (default 1) */
        public SearchAuditEventsParams page(Integer page) {
            this.page = page;
            return this;
        }

        /** Items per page. (default 50) */
        public Integer pageSize() {
            return pageSize;
        }

        /** Items per page. (default 50) */
        public SearchAuditEventsParams pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** From this day (UTC), inclusive. (format date) */
        public String from() {
            return from;
        }

        /** From this day (UTC), inclusive. (format date) */
        public SearchAuditEventsParams from(String from) {
            this.from = from;
            return this;
        }

        /** To this day (UTC), inclusive. (format date) */
        public String to() {
            return to;
        }

        /** To this day (UTC), inclusive. (format date) */
        public SearchAuditEventsParams to(String to) {
            this.to = to;
            return this;
        }

        /** Only requests of this user. (format uuid) */
        public String userId() {
            return userId;
        }

        /** Only requests of this user. (format uuid) */
        public SearchAuditEventsParams userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** Only requests of users of this Ente. (format uuid) */
        public String enteId() {
            return enteId;
        }

        /** Only requests of users of this Ente. (format uuid) */
        public SearchAuditEventsParams enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** Only requests concerning this Comune (ISTAT code). */
        public String comune() {
            return comune;
        }

        /** Only requests concerning this Comune (ISTAT code). */
        public SearchAuditEventsParams comune(String comune) {
            this.comune = comune;
            return this;
        }

        /** A codice fiscale or idANPR searched for or returned. */
        public String subject() {
            return subject;
        }

        /** A codice fiscale or idANPR searched for or returned. */
        public SearchAuditEventsParams subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** Only requests with this outcome. */
        public AuditOutcome outcome() {
            return outcome;
        }

        /** Only requests with this outcome. */
        public SearchAuditEventsParams outcome(AuditOutcome outcome) {
            this.outcome = outcome;
            return this;
        }
    }

    /**
     * Search the access log
     * <p>
     * Logins, logouts, token refreshes and functions used, newest first, limited to what the caller may monitor (as for the audit trail). Needs a person's token.
     * <p>
     * <code>GET /v1/access-log</code>
     * <p>
     * @param params the query parameters
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AccessLogPage searchAccessLog(SearchAccessLogParams params) {
        return searchAccessLogWithResponse(params, RequestOptions.none()).data();
    }

    /**
     * As {@link #searchAccessLog}, with options for this call.
     * <p>
     * @param params the query parameters
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AccessLogPage searchAccessLog(SearchAccessLogParams params, RequestOptions options) {
        return searchAccessLogWithResponse(params, options).data();
    }

    /**
     * As {@link #searchAccessLog}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<AccessLogPage> searchAccessLogWithResponse(SearchAccessLogParams params, RequestOptions options) {
        return caller.execute(searchAccessLogRequest(params), options, ResponseType.json(AccessLogPage.class));
    }

    /**
     * As {@link #searchAccessLog}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<AccessLogPage> searchAccessLogAsync(SearchAccessLogParams params, RequestOptions options) {
        return searchAccessLogAsyncWithResponse(params, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #searchAccessLogWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<AccessLogPage>> searchAccessLogAsyncWithResponse(SearchAccessLogParams params, RequestOptions options) {
        return caller.executeAsync(searchAccessLogRequest(params), options, ResponseType.json(AccessLogPage.class));
    }

    private static ApiRequest searchAccessLogRequest(SearchAccessLogParams params) {
        return ApiRequest.of("GET", "/v1/access-log")
                .query("page", params == null ? null : params.page())
                .query("pageSize", params == null ? null : params.pageSize())
                .query("from", params == null ? null : params.from())
                .query("to", params == null ? null : params.to())
                .query("userId", params == null ? null : params.userId())
                .query("enteId", params == null ? null : params.enteId())
                .query("event", params == null ? null : params.event());
    }

    /**
     * Search the audit trail
     * <p>
     * Requests recorded in the audit trail, denials included, newest first, limited to what the caller may monitor: for TOP, requests on their Comune's residents and requests of the users their Comune manages (its TOP users and the users of the Enti it owns); for ADMIN, their Ente's users; for others, their own requests. Activity of STANDARDPS users is never shown to others. Needs a person's token.
     * <p>
     * <code>GET /v1/audit-events</code>
     * <p>
     * @param params the query parameters
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AuditEventPage searchAuditEvents(SearchAuditEventsParams params) {
        return searchAuditEventsWithResponse(params, RequestOptions.none()).data();
    }

    /**
     * As {@link #searchAuditEvents}, with options for this call.
     * <p>
     * @param params the query parameters
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AuditEventPage searchAuditEvents(SearchAuditEventsParams params, RequestOptions options) {
        return searchAuditEventsWithResponse(params, options).data();
    }

    /**
     * As {@link #searchAuditEvents}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<AuditEventPage> searchAuditEventsWithResponse(SearchAuditEventsParams params, RequestOptions options) {
        return caller.execute(searchAuditEventsRequest(params), options, ResponseType.json(AuditEventPage.class));
    }

    /**
     * As {@link #searchAuditEvents}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<AuditEventPage> searchAuditEventsAsync(SearchAuditEventsParams params, RequestOptions options) {
        return searchAuditEventsAsyncWithResponse(params, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #searchAuditEventsWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<AuditEventPage>> searchAuditEventsAsyncWithResponse(SearchAuditEventsParams params, RequestOptions options) {
        return caller.executeAsync(searchAuditEventsRequest(params), options, ResponseType.json(AuditEventPage.class));
    }

    private static ApiRequest searchAuditEventsRequest(SearchAuditEventsParams params) {
        return ApiRequest.of("GET", "/v1/audit-events")
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

    /**
     * Verify the audit trail
     * <p>
     * Checks every hash chain of the audit trail and lists every broken link of each (<code>breaks</code>; <code>break</code> is the first), also against the signed checkpoints of the chain heads when the gateway writes them. Roles: TOP.
     * <p>
     * <code>GET /v1/audit-events/verification</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AuditVerification verifyAuditTrail() {
        return verifyAuditTrailWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #verifyAuditTrail}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public AuditVerification verifyAuditTrail(RequestOptions options) {
        return verifyAuditTrailWithResponse(options).data();
    }

    /**
     * As {@link #verifyAuditTrail}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<AuditVerification> verifyAuditTrailWithResponse(RequestOptions options) {
        return caller.execute(verifyAuditTrailRequest(), options, ResponseType.json(AuditVerification.class));
    }

    /**
     * As {@link #verifyAuditTrail}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<AuditVerification> verifyAuditTrailAsync(RequestOptions options) {
        return verifyAuditTrailAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #verifyAuditTrailWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<AuditVerification>> verifyAuditTrailAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(verifyAuditTrailRequest(), options, ResponseType.json(AuditVerification.class));
    }

    private static ApiRequest verifyAuditTrailRequest() {
        return ApiRequest.of("GET", "/v1/audit-events/verification");
    }
}
