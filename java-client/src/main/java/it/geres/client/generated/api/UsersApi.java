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
 * People who use GeRes and their profiles: what each may look up, for which Comuni, and how much.
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class UsersApi {
    private final ApiCaller caller;

    public UsersApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** Query parameters of {@link #listUsers}. */
    public static final class ListUsersParams {
        private Integer page;
        private Integer pageSize;
        private Role role;
        private String enteId;
        private UserStatus status;
        private String q;

        /** No query parameter set yet: all are optional. */
        public ListUsersParams() {
        }

        /** Page to return, from 1. (default 1) */
        public Integer page() {
            return page;
        }

        /** Page to return, from 1. (default 1) */
        public ListUsersParams page(Integer page) {
            this.page = page;
            return this;
        }

        /** Items per page. (default 50) */
        public Integer pageSize() {
            return pageSize;
        }

        /** Items per page. (default 50) */
        public ListUsersParams pageSize(Integer pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** Only users with this role. */
        public Role role() {
            return role;
        }

        /** Only users with this role. */
        public ListUsersParams role(Role role) {
            this.role = role;
            return this;
        }

        /** Only users of this Ente. (format uuid) */
        public String enteId() {
            return enteId;
        }

        /** Only users of this Ente. (format uuid) */
        public ListUsersParams enteId(String enteId) {
            this.enteId = enteId;
            return this;
        }

        /** Only active or only suspended users. */
        public UserStatus status() {
            return status;
        }

        /** Only active or only suspended users. */
        public ListUsersParams status(UserStatus status) {
            this.status = status;
            return this;
        }

        /** Text contained in the username or the name. */
        public String q() {
            return q;
        }

        /** Text contained in the username or the name. */
        public ListUsersParams q(String q) {
            this.q = q;
            return this;
        }
    }

    /**
     * Create a user
     * <p>
     * Creates a user with an empty profile. TOP users create users of any role in their area; ADMIN users create STANDARD and STANDARDPS users of their Ente. Roles: TOP, ADMIN.
     * <p>
     * <code>POST /v1/users</code>
     * <p>
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public UserView createUser(CreateUserRequest body) {
        return createUserWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #createUser}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public UserView createUser(CreateUserRequest body, RequestOptions options) {
        return createUserWithResponse(body, options).data();
    }

    /**
     * As {@link #createUser}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<UserView> createUserWithResponse(CreateUserRequest body, RequestOptions options) {
        return caller.execute(createUserRequest(body), options, ResponseType.json(UserView.class));
    }

    /**
     * As {@link #createUser}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<UserView> createUserAsync(CreateUserRequest body, RequestOptions options) {
        return createUserAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #createUserWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<UserView>> createUserAsyncWithResponse(CreateUserRequest body, RequestOptions options) {
        return caller.executeAsync(createUserRequest(body), options, ResponseType.json(UserView.class));
    }

    private static ApiRequest createUserRequest(CreateUserRequest body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/users")
                .body(body, "application/json");
    }

    /**
     * Get a user
     * <p>
     * The caller themselves, or a user they manage.
     * <p>
     * <code>GET /v1/users/{id}</code>
     * <p>
     * @param id Id of the user.
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public UserView getUser(String id) {
        return getUserWithResponse(id, RequestOptions.none()).data();
    }

    /**
     * As {@link #getUser}, with options for this call.
     * <p>
     * @param id Id of the user.
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public UserView getUser(String id, RequestOptions options) {
        return getUserWithResponse(id, options).data();
    }

    /**
     * As {@link #getUser}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<UserView> getUserWithResponse(String id, RequestOptions options) {
        return caller.execute(getUserRequest(id), options, ResponseType.json(UserView.class));
    }

    /**
     * As {@link #getUser}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<UserView> getUserAsync(String id, RequestOptions options) {
        return getUserAsyncWithResponse(id, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getUserWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<UserView>> getUserAsyncWithResponse(String id, RequestOptions options) {
        return caller.executeAsync(getUserRequest(id), options, ResponseType.json(UserView.class));
    }

    private static ApiRequest getUserRequest(String id) {
        Objects.requireNonNull(id, "id is required");
        return ApiRequest.of("GET", "/v1/users/{id}")
                .path("id", id);
    }

    /**
     * Get a user's profile
     * <p>
     * What the user may do; for the caller themselves, or a user they manage.
     * <p>
     * <code>GET /v1/users/{id}/profile</code>
     * <p>
     * @param id Id of the user.
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ProfileView getUserProfile(String id) {
        return getUserProfileWithResponse(id, RequestOptions.none()).data();
    }

    /**
     * As {@link #getUserProfile}, with options for this call.
     * <p>
     * @param id Id of the user.
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ProfileView getUserProfile(String id, RequestOptions options) {
        return getUserProfileWithResponse(id, options).data();
    }

    /**
     * As {@link #getUserProfile}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ProfileView> getUserProfileWithResponse(String id, RequestOptions options) {
        return caller.execute(getUserProfileRequest(id), options, ResponseType.json(ProfileView.class));
    }

    /**
     * As {@link #getUserProfile}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ProfileView> getUserProfileAsync(String id, RequestOptions options) {
        return getUserProfileAsyncWithResponse(id, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getUserProfileWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ProfileView>> getUserProfileAsyncWithResponse(String id, RequestOptions options) {
        return caller.executeAsync(getUserProfileRequest(id), options, ResponseType.json(ProfileView.class));
    }

    private static ApiRequest getUserProfileRequest(String id) {
        Objects.requireNonNull(id, "id is required");
        return ApiRequest.of("GET", "/v1/users/{id}/profile")
                .path("id", id);
    }

    /**
     * Import users from CSV
     * <p>
     * Creates many users from a CSV file (comma or semicolon separated, UTF-8, header row: <code>username,name,email,role,ente,mediator,anprOperatorId,password</code>; <code>mediator</code>, <code>anprOperatorId</code> and <code>password</code> are optional). <code>ente</code> is the Ente's id or codice fiscale. Every row is checked first: if any row is wrong nothing is imported and the problem lists every error by row. A row without a password gets a temporary one, returned once. Roles: TOP, ADMIN.
     * <p>
     * <code>POST /v1/users/import</code>
     * <p>
     * @param body The CSV file (at most 5 MB).
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public UserImportResult importUsers(String body) {
        return importUsersWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #importUsers}, with options for this call.
     * <p>
     * @param body The CSV file (at most 5 MB).
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public UserImportResult importUsers(String body, RequestOptions options) {
        return importUsersWithResponse(body, options).data();
    }

    /**
     * As {@link #importUsers}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<UserImportResult> importUsersWithResponse(String body, RequestOptions options) {
        return caller.execute(importUsersRequest(body), options, ResponseType.json(UserImportResult.class));
    }

    /**
     * As {@link #importUsers}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<UserImportResult> importUsersAsync(String body, RequestOptions options) {
        return importUsersAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #importUsersWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<UserImportResult>> importUsersAsyncWithResponse(String body, RequestOptions options) {
        return caller.executeAsync(importUsersRequest(body), options, ResponseType.json(UserImportResult.class));
    }

    private static ApiRequest importUsersRequest(String body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/users/import")
                .body(body, "text/csv");
    }

    /**
     * List users
     * <p>
     * Users the caller may see: for TOP, the users of the Enti their Comune registered and their Comune's TOP users; for ADMIN, their Ente's STANDARD and STANDARDPS users; for others, themselves. By username. A STANDARDPS user's last login is shown to themselves only.
     * <p>
     * <code>GET /v1/users</code>
     * <p>
     * @param params the query parameters
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public UserPage listUsers(ListUsersParams params) {
        return listUsersWithResponse(params, RequestOptions.none()).data();
    }

    /**
     * As {@link #listUsers}, with options for this call.
     * <p>
     * @param params the query parameters
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public UserPage listUsers(ListUsersParams params, RequestOptions options) {
        return listUsersWithResponse(params, options).data();
    }

    /**
     * As {@link #listUsers}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<UserPage> listUsersWithResponse(ListUsersParams params, RequestOptions options) {
        return caller.execute(listUsersRequest(params), options, ResponseType.json(UserPage.class));
    }

    /**
     * As {@link #listUsers}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<UserPage> listUsersAsync(ListUsersParams params, RequestOptions options) {
        return listUsersAsyncWithResponse(params, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #listUsersWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<UserPage>> listUsersAsyncWithResponse(ListUsersParams params, RequestOptions options) {
        return caller.executeAsync(listUsersRequest(params), options, ResponseType.json(UserPage.class));
    }

    private static ApiRequest listUsersRequest(ListUsersParams params) {
        return ApiRequest.of("GET", "/v1/users")
                .query("page", params == null ? null : params.page())
                .query("pageSize", params == null ? null : params.pageSize())
                .query("role", params == null ? null : params.role())
                .query("enteId", params == null ? null : params.enteId())
                .query("status", params == null ? null : params.status())
                .query("q", params == null ? null : params.q());
    }

    /**
     * Set a user's profile
     * <p>
     * Replaces the profile of a user the caller manages. Comuni must have an active convenzione with the user's Ente; an ADMIN cannot grant more than their own profile holds (<code>grant-exceeds-own</code>, with every violation). Roles: TOP, ADMIN.
     * <p>
     * <code>PUT /v1/users/{id}/profile</code>
     * <p>
     * @param id Id of the user.
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ProfileView setUserProfile(String id, SetProfileRequest body) {
        return setUserProfileWithResponse(id, body, RequestOptions.none()).data();
    }

    /**
     * As {@link #setUserProfile}, with options for this call.
     * <p>
     * @param id Id of the user.
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ProfileView setUserProfile(String id, SetProfileRequest body, RequestOptions options) {
        return setUserProfileWithResponse(id, body, options).data();
    }

    /**
     * As {@link #setUserProfile}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ProfileView> setUserProfileWithResponse(String id, SetProfileRequest body, RequestOptions options) {
        return caller.execute(setUserProfileRequest(id, body), options, ResponseType.json(ProfileView.class));
    }

    /**
     * As {@link #setUserProfile}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ProfileView> setUserProfileAsync(String id, SetProfileRequest body, RequestOptions options) {
        return setUserProfileAsyncWithResponse(id, body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #setUserProfileWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ProfileView>> setUserProfileAsyncWithResponse(String id, SetProfileRequest body, RequestOptions options) {
        return caller.executeAsync(setUserProfileRequest(id, body), options, ResponseType.json(ProfileView.class));
    }

    private static ApiRequest setUserProfileRequest(String id, SetProfileRequest body) {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("PUT", "/v1/users/{id}/profile")
                .path("id", id)
                .body(body, "application/json");
    }

    /**
     * Change a user
     * <p>
     * Changes a user the caller manages: name, e-mail, status (suspend or reactivate), mediator function, ANPR operator id, or clears a lockout. Nobody changes their own account here; the mediator function and the ANPR operator id are set only by a TOP user of the user's Comune, and the id must be one of the Comune's anprOperatorIds when it has any. Roles: TOP, ADMIN.
     * <p>
     * <code>PATCH /v1/users/{id}</code>
     * <p>
     * @param id Id of the user.
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public UserView updateUser(String id, UpdateUserRequest body) {
        return updateUserWithResponse(id, body, RequestOptions.none()).data();
    }

    /**
     * As {@link #updateUser}, with options for this call.
     * <p>
     * @param id Id of the user.
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public UserView updateUser(String id, UpdateUserRequest body, RequestOptions options) {
        return updateUserWithResponse(id, body, options).data();
    }

    /**
     * As {@link #updateUser}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<UserView> updateUserWithResponse(String id, UpdateUserRequest body, RequestOptions options) {
        return caller.execute(updateUserRequest(id, body), options, ResponseType.json(UserView.class));
    }

    /**
     * As {@link #updateUser}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<UserView> updateUserAsync(String id, UpdateUserRequest body, RequestOptions options) {
        return updateUserAsyncWithResponse(id, body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #updateUserWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<UserView>> updateUserAsyncWithResponse(String id, UpdateUserRequest body, RequestOptions options) {
        return caller.executeAsync(updateUserRequest(id, body), options, ResponseType.json(UserView.class));
    }

    private static ApiRequest updateUserRequest(String id, UpdateUserRequest body) {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("PATCH", "/v1/users/{id}")
                .path("id", id)
                .body(body, "application/json");
    }
}
