package it.geres.client;

import it.geres.client.core.ApiRequest;
import it.geres.client.core.ResponseType;
import it.geres.client.generated.model.ClientCredentialsRequest;
import it.geres.client.generated.model.ClientCredentialsToken;
import it.geres.client.generated.model.LoginRequest;
import it.geres.client.generated.model.RefreshTokenRequest;
import it.geres.client.generated.model.TokenPair;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/** Supplies access tokens to {@link AuthInterceptor}. */
abstract class TokenSource {
    abstract String token();

    /** Whether a new token can be had after a 401 (false for a fixed token). */
    abstract boolean renewable();

    /** Forgets {@code token}, so that the next {@link #token()} obtains another one. */
    abstract void invalidate(String token);

    record Obtained(String token, long expiresInSeconds) {
    }

    /**
     * A cached token renewed ahead of expiry (a tenth of its lifetime, at most a minute), with at
     * most one renewal in flight however many threads wait for it.
     */
    abstract static class Renewing extends TokenSource {
        protected final Transport transport;
        private final Clock clock;
        private String cached;
        private long renewAt;

        Renewing(Transport transport, Clock clock) {
            this.transport = transport;
            this.clock = clock;
        }

        abstract Obtained obtain();

        @Override
        synchronized String token() {
            if (cached != null && clock.millis() < renewAt) {
                return cached;
            }
            Obtained o = obtain();
            long lifetime = Math.max(1, o.expiresInSeconds()) * 1000L;
            cached = o.token();
            renewAt = clock.millis() + lifetime - Math.min(60_000L, lifetime / 10);
            return cached;
        }

        @Override
        boolean renewable() {
            return true;
        }

        @Override
        synchronized void invalidate(String token) {
            if (Objects.equals(cached, token)) {
                cached = null;
            }
        }
    }

    /** An application: the client-credentials grant ({@code POST /v1/oauth/token}). */
    static final class ClientCredentials extends Renewing {
        private final String clientId;
        private final String clientSecret;

        ClientCredentials(Transport transport, Clock clock, String clientId, String clientSecret) {
            super(transport, clock);
            this.clientId = clientId;
            this.clientSecret = clientSecret;
        }

        @Override
        Obtained obtain() {
            ClientCredentialsRequest body = ClientCredentialsRequest.builder()
                    .grantType(ClientCredentialsRequest.GrantType.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(clientSecret).build();
            // repeatable: asking again only issues another token
            ClientCredentialsToken t = transport.execute(ApiRequest.of("POST", "/v1/oauth/token").body(body, "application/json").unauthenticated().withoutContext().repeatable(),
                    RequestOptions.none(), ResponseType.json(ClientCredentialsToken.class)).data();
            return new Obtained(t.accessToken(), t.expiresIn() == null ? 60 : t.expiresIn());
        }
    }

    /** A person: login, then refresh-token rotation ({@code /v1/auth/login}, {@code /v1/auth/refresh}). */
    static final class Password extends Renewing {
        private final String username;
        private final String password;
        private String refreshToken;

        Password(Transport transport, Clock clock, String username, String password) {
            super(transport, clock);
            this.username = username;
            this.password = password;
        }

        @Override
        Obtained obtain() {
            if (refreshToken != null) {
                String presented = refreshToken;
                refreshToken = null; // single use: forget it whatever the outcome
                try {
                    // Not repeatable: a refresh token presented twice closes every session of the login.
                    return accept(post(ApiRequest.of("POST", "/v1/auth/refresh").body(new RefreshTokenRequest(presented), "application/json")));
                } catch (GeResException e) {
                    // Only a refused refresh token means "log in again"; a network failure or a 5xx is
                    // thrown as what it is, and the next call logs in afresh.
                    if (!isRefusedRefresh(e)) {
                        throw e;
                    }
                }
            }
            // repeatable: a login sent again only opens another session
            return accept(post(ApiRequest.of("POST", "/v1/auth/login").body(LoginRequest.builder().username(username).password(password).build(), "application/json")
                    .repeatable()));
        }

        private TokenPair post(ApiRequest request) {
            return transport.execute(request.unauthenticated(), RequestOptions.none(), ResponseType.json(TokenPair.class)).data();
        }

        private Obtained accept(TokenPair pair) {
            refreshToken = pair.refreshToken();
            return new Obtained(pair.accessToken(), pair.expiresIn() == null ? 60 : pair.expiresIn());
        }
    }

    /** The gateway refused the refresh token itself (expired, revoked or already used). */
    static boolean isRefusedRefresh(GeResException e) {
        if (e.status() == null) {
            return false;
        }
        if (e.status() == 401) {
            return "invalid-token".equals(e.problemName());
        }
        return e.status() == 400 && e.problemDocument() != null && "invalid_grant".equals(e.problemDocument().get("error"));
    }

    /** A token you manage: a fixed string, or a supplier asked again after a 401. */
    static final class Fixed extends TokenSource {
        private final Supplier<String> supplier;
        private final boolean renewable;

        Fixed(Supplier<String> supplier, boolean renewable) {
            this.supplier = supplier;
            this.renewable = renewable;
        }

        @Override
        String token() {
            return supplier.get();
        }

        @Override
        boolean renewable() {
            return renewable;
        }

        @Override
        void invalidate(String token) {
            // nothing cached
        }
    }
}
