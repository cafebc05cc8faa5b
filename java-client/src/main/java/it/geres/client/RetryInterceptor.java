package it.geres.client;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries what {@link RetryRule} allows at most {@code maxRetries} times, with exponential backoff
 * and equal jitter, waiting at least the server's Retry-After. A Retry-After longer than
 * {@link RetryPolicy#maxRetryAfter()} ends the call at once.
 */
final class RetryInterceptor implements Interceptor {
    private final Transport transport;

    RetryInterceptor(Transport transport) {
        this.transport = transport;
    }

    @Override
    public HttpResult intercept(Chain chain) throws IOException, InterruptedException {
        HttpCall call = chain.call();
        Integer perCall = call.options().maxRetries();
        int maxRetries = Math.max(0, perCall != null ? perCall : transport.maxRetries);
        boolean repeatable = RetryRule.isRepeatable(call.method(), call.idempotencyKey(), call.repeatable());
        int attempt = 0;
        while (true) {
            attempt++;
            call.attempt(attempt);
            HttpResult result;
            try {
                result = chain.proceed(call);
            } catch (HttpTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (!repeatable || attempt > maxRetries) {
                    throw e;
                }
                pause(call, backoff(attempt), "connection: " + e.getMessage());
                continue;
            }
            int status = result.status();
            if (repeatable && RetryRule.isTransientAnswer(status, result.problemName()) && attempt <= maxRetries) {
                Long hinted = retryAfterMillis(result);
                if (hinted == null || hinted <= transport.retry.maxRetryAfter().toMillis()) {
                    String name = result.problemName();
                    pause(call, Math.max(backoff(attempt), hinted == null ? 0 : hinted), "HTTP " + status + (name != null ? " " + name : ""));
                    continue;
                }
            }
            return result;
        }
    }

    private Long retryAfterMillis(HttpResult result) {
        Long fromHeader = GeResException.parseRetryAfterMillis(result.header("retry-after"), transport.clock.instant());
        return fromHeader != null ? fromHeader : Transport.retryAfterFromBody(result);
    }

    /** Between half and all of min(initial · 2^(n-1), max). */
    private long backoff(int attempt) {
        long initial = transport.retry.initialDelay().toMillis();
        long ceiling = Math.min(transport.retry.maxDelay().toMillis(), initial * (1L << Math.min(30, attempt - 1)));
        return Math.round(ceiling / 2.0 + ThreadLocalRandom.current().nextDouble() * ceiling / 2.0);
    }

    private void pause(HttpCall call, long delayMs, String reason) throws InterruptedException {
        transport.emit(new GeResEvent(GeResEvent.Kind.RETRY, call.method(), call.uri().toString(), call.requestId(), call.attempt(), 0, 0, delayMs, reason));
        transport.sleeper.sleep(Duration.ofMillis(delayMs));
    }
}
