package it.geres.client;

import java.io.IOException;

/**
 * Adds the access token. With a renewable source (client credentials, login, a token supplier),
 * a {@code 401 invalid-token} fetches a new token and the attempt is made once more; this does
 * not count as a retry.
 */
final class AuthInterceptor implements Interceptor {
    private final Transport transport;

    AuthInterceptor(Transport transport) {
        this.transport = transport;
    }

    @Override
    public HttpResult intercept(Chain chain) throws IOException, InterruptedException {
        HttpCall call = chain.call();
        if (!call.authenticated()) {
            return chain.proceed(call);
        }
        TokenSource source = transport.auth;
        if (source == null) {
            throw new AuthenticationException("No authentication configured", GeResException.Details.noAnswer(call.requestId(), call.idempotencyKey(), call.attempt()));
        }
        String token = source.token();
        try {
            call.header("Authorization", "Bearer " + token);
            HttpResult result = chain.proceed(call);
            if (result.status() == 401 && "invalid-token".equals(result.problemName()) && source.renewable() && !call.reauthenticated()) {
                // The token was refused (revoked, or a clock is off): one fresh token, at once.
                call.reauthenticated(true);
                source.invalidate(token);
                transport.emit(new GeResEvent(GeResEvent.Kind.REAUTHENTICATE, call.method(), call.uri().toString(), call.requestId(), call.attempt(), 0, 0, 0, null));
                call.header("Authorization", "Bearer " + source.token());
                result = chain.proceed(call);
            }
            return result;
        } finally {
            // Interceptors outside this one (yours, on the next attempt) never see the token.
            call.header("Authorization", null);
        }
    }
}
