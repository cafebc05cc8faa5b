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
 * Logging in people, tokens for applications, and the keys that verify tokens.
 * <p>
 * Every call goes through the client core (authentication, retries, idempotency, request ids, typed errors).
 */
@SuppressWarnings("unused")
public final class AuthApi {
    private final ApiCaller caller;

    public AuthApi(ApiCaller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /**
     * Get the token-signing keys
     * <p>
     * The JSON Web Key Set that verifies GeRes access tokens, for services that check tokens themselves.
     * <p>
     * <code>GET /.well-known/jwks.json</code>
     * <p>
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Jwks getJwks() {
        return getJwksWithResponse(RequestOptions.none()).data();
    }

    /**
     * As {@link #getJwks}, with options for this call.
     * <p>
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Jwks getJwks(RequestOptions options) {
        return getJwksWithResponse(options).data();
    }

    /**
     * As {@link #getJwks}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<Jwks> getJwksWithResponse(RequestOptions options) {
        return caller.execute(getJwksRequest(), options, ResponseType.json(Jwks.class));
    }

    /**
     * As {@link #getJwks}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<Jwks> getJwksAsync(RequestOptions options) {
        return getJwksAsyncWithResponse(options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #getJwksWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<Jwks>> getJwksAsyncWithResponse(RequestOptions options) {
        return caller.executeAsync(getJwksRequest(), options, ResponseType.json(Jwks.class));
    }

    private static ApiRequest getJwksRequest() {
        return ApiRequest.of("GET", "/.well-known/jwks.json")
                .unauthenticated();
    }

    /**
     * Get an access token for an application
     * <p>
     * OAuth2 client-credentials grant (RFC 6749 §4.4). The body may be JSON or form-encoded; the client may authenticate with <code>client_id</code> and <code>client_secret</code> in the body or with HTTP Basic. With the token, every call names the operator the application acts for in X-GeRes-Operator. With HTTP Basic, client id and secret are each form-urlencoded before being joined and base64-encoded (RFC 6749 §2.3.1). Repeated failures for one client id from one address make that address wait, longer after each failure (<code>rate-limited</code>, with Retry-After).
     * <p>
     * The consumer services (visure, rivestizione, console; configured with SERVICE_CLIENTS) use the token-exchange grant (RFC 8693) here: <code>subject_token</code> is the token of the person who asked, and the answer is a delegation grant for that person only, whose <code>act</code> claim names the service. It works only on the lookup and self-service routes. A grant stored for a deferred request (<code>requested_lifetime</code> up to DELEGATION_MAX_SECONDS) may be exchanged again, never extended: with a mediator's own token as <code>actor_token</code> the new grant carries that mediator's approval; with <code>mediation=silent</code> and <code>comune</code>, once the Comune's silent-consent hours have passed since the first grant, it carries the Comune's designated mediator. Lookups under a mediated grant in the mediator's Comune use the mediator's ANPR operator id; the audit trail names person, service and mediator. A grant that cannot be given is <code>invalid-grant</code> (with <code>error: invalid_grant</code>).
     * <p>
     * <code>POST /v1/oauth/token</code>
     * <p>
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ClientCredentialsToken issueApplicationToken(ClientCredentialsRequest body) {
        return issueApplicationTokenWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #issueApplicationToken}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public ClientCredentialsToken issueApplicationToken(ClientCredentialsRequest body, RequestOptions options) {
        return issueApplicationTokenWithResponse(body, options).data();
    }

    /**
     * As {@link #issueApplicationToken}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<ClientCredentialsToken> issueApplicationTokenWithResponse(ClientCredentialsRequest body, RequestOptions options) {
        return caller.execute(issueApplicationTokenRequest(body), options, ResponseType.json(ClientCredentialsToken.class));
    }

    /**
     * As {@link #issueApplicationToken}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<ClientCredentialsToken> issueApplicationTokenAsync(ClientCredentialsRequest body, RequestOptions options) {
        return issueApplicationTokenAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #issueApplicationTokenWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<ClientCredentialsToken>> issueApplicationTokenAsyncWithResponse(ClientCredentialsRequest body, RequestOptions options) {
        return caller.executeAsync(issueApplicationTokenRequest(body), options, ResponseType.json(ClientCredentialsToken.class));
    }

    private static ApiRequest issueApplicationTokenRequest(ClientCredentialsRequest body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/oauth/token")
                .body(body, "application/json")
                .unauthenticated();
    }

    /**
     * Log in a person
     * <p>
     * Exchanges a username and password for a short-lived access token and a single-use refresh token. Repeated failures for one username from one address make that address wait, longer after each failure (<code>rate-limited</code>, with Retry-After); attempts from other addresses are not slowed, and the person sees a <code>login_throttled</code> entry in their access log. When <code>passwordChangeRequired</code> is true, the person must change their password (POST /v1/me/password) before anything else.
     * <p>
     * <code>POST /v1/auth/login</code>
     * <p>
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public TokenPair login(LoginRequest body) {
        return loginWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #login}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public TokenPair login(LoginRequest body, RequestOptions options) {
        return loginWithResponse(body, options).data();
    }

    /**
     * As {@link #login}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<TokenPair> loginWithResponse(LoginRequest body, RequestOptions options) {
        return caller.execute(loginRequest(body), options, ResponseType.json(TokenPair.class));
    }

    /**
     * As {@link #login}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<TokenPair> loginAsync(LoginRequest body, RequestOptions options) {
        return loginAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #loginWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<TokenPair>> loginAsyncWithResponse(LoginRequest body, RequestOptions options) {
        return caller.executeAsync(loginRequest(body), options, ResponseType.json(TokenPair.class));
    }

    private static ApiRequest loginRequest(LoginRequest body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/auth/login")
                .body(body, "application/json")
                .unauthenticated();
    }

    /**
     * Log out
     * <p>
     * Revokes the refresh token and every token refreshed from the same login. Access tokens already issued expire on their own.
     * <p>
     * <code>POST /v1/auth/logout</code>
     * <p>
     * @param body the request body (application/json)
     * @return {@code null} (no content)
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Void logout(RefreshTokenRequest body) {
        return logoutWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #logout}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return {@code null} (no content)
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public Void logout(RefreshTokenRequest body, RequestOptions options) {
        return logoutWithResponse(body, options).data();
    }

    /**
     * As {@link #logout}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<Void> logoutWithResponse(RefreshTokenRequest body, RequestOptions options) {
        return caller.execute(logoutRequest(body), options, ResponseType.none());
    }

    /**
     * As {@link #logout}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<Void> logoutAsync(RefreshTokenRequest body, RequestOptions options) {
        return logoutAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #logoutWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<Void>> logoutAsyncWithResponse(RefreshTokenRequest body, RequestOptions options) {
        return caller.executeAsync(logoutRequest(body), options, ResponseType.none());
    }

    private static ApiRequest logoutRequest(RefreshTokenRequest body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/auth/logout")
                .body(body, "application/json");
    }

    /**
     * Refresh a person's tokens
     * <p>
     * Exchanges a refresh token for a new token pair. Each refresh token works once: presenting a used one again is taken as a leak and closes every session of that login. A login lasts at most REFRESH_FAMILY_MAX_SECONDS (12 h by default) however often it is refreshed; a password change or a suspension ends every login.
     * <p>
     * <code>POST /v1/auth/refresh</code>
     * <p>
     * @param body the request body (application/json)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public TokenPair refreshToken(RefreshTokenRequest body) {
        return refreshTokenWithResponse(body, RequestOptions.none()).data();
    }

    /**
     * As {@link #refreshToken}, with options for this call.
     * <p>
     * @param body the request body (application/json)
     * @param options per-call options (operator, idempotency key, timeout…)
     * @return the answer
     * @throws it.geres.client.GeResException when the gateway refuses the call or cannot be reached
     */
    public TokenPair refreshToken(RefreshTokenRequest body, RequestOptions options) {
        return refreshTokenWithResponse(body, options).data();
    }

    /**
     * As {@link #refreshToken}, with the response's status, headers, request id and attempts.
     */
    public ApiResponse<TokenPair> refreshTokenWithResponse(RefreshTokenRequest body, RequestOptions options) {
        return caller.execute(refreshTokenRequest(body), options, ResponseType.json(TokenPair.class));
    }

    /**
     * As {@link #refreshToken}, asynchronously: the future fails with a {@link it.geres.client.GeResException}.
     */
    public CompletableFuture<TokenPair> refreshTokenAsync(RefreshTokenRequest body, RequestOptions options) {
        return refreshTokenAsyncWithResponse(body, options).thenApply(ApiResponse::data);
    }

    /**
     * As {@link #refreshTokenWithResponse}, asynchronously.
     */
    public CompletableFuture<ApiResponse<TokenPair>> refreshTokenAsyncWithResponse(RefreshTokenRequest body, RequestOptions options) {
        return caller.executeAsync(refreshTokenRequest(body), options, ResponseType.json(TokenPair.class));
    }

    private static ApiRequest refreshTokenRequest(RefreshTokenRequest body) {
        Objects.requireNonNull(body, "body is required");
        return ApiRequest.of("POST", "/v1/auth/refresh")
                .body(body, "application/json")
                .unauthenticated();
    }
}
