package it.geres.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.geres.client.core.ApiCaller;
import it.geres.client.core.ApiRequest;
import it.geres.client.core.PercentEncoding;
import it.geres.client.core.ResponseType;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Sends one logical request through the pipeline (context, retries, your interceptors,
 * authentication, exchange) and turns the answer into a value or a typed exception.
 */
final class Transport implements ApiCaller {
    private static final System.Logger LOG = System.getLogger("it.geres.client");

    final String baseUrl;
    final HttpClient http;
    final ObjectMapper mapper;
    final Duration timeout;
    final int maxRetries;
    final RetryPolicy retry;
    final String userAgent;
    final String operator;
    final Workstation workstation;
    final Consumer<GeResEvent> listener;
    final Sleeper sleeper;
    final Clock clock;
    final Executor executor;
    private final List<Interceptor> pipeline;
    TokenSource auth;

    Transport(String baseUrl, HttpClient http, ObjectMapper mapper, Duration timeout, int maxRetries, RetryPolicy retry, String userAgent,
              String operator, Workstation workstation, Consumer<GeResEvent> listener, Sleeper sleeper, Clock clock, Executor executor,
              List<Interceptor> userInterceptors) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.http = http;
        this.mapper = mapper;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.retry = retry;
        this.userAgent = userAgent;
        this.operator = operator;
        this.workstation = workstation;
        this.listener = listener;
        this.sleeper = sleeper;
        this.clock = clock;
        this.executor = executor;
        List<Interceptor> steps = new ArrayList<>();
        steps.add(new ContextInterceptor(this));
        steps.add(new RetryInterceptor(this));
        steps.addAll(userInterceptors);
        steps.add(new AuthInterceptor(this));
        this.pipeline = List.copyOf(steps);
    }

    @Override
    public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, RequestOptions options, ResponseType<T> type) {
        return CompletableFuture.supplyAsync(() -> execute(request, options, type), executor);
    }

    @Override
    public <T> ApiResponse<T> execute(ApiRequest request, RequestOptions options, ResponseType<T> type) {
        RequestOptions opts = options == null ? RequestOptions.none() : options;
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.putAll(opts.headers());
        byte[] body = null;
        if (request.body() != null) {
            Encoded e = encode(request.body(), request.mediaType());
            body = e.bytes;
            headers.putIfAbsent("Content-Type", e.contentType);
        }
        HttpCall call = new HttpCall(request.method(), uri(request), headers, body, opts.timeout() != null ? opts.timeout() : timeout,
                request.authenticated(), request.context(), request.isRepeatable(), RetryRule.wantsIdempotencyKey(request.method(), request.path()), opts);
        HttpResult result;
        try {
            result = new Chain(call, 0).proceed(call);
        } catch (HttpTimeoutException e) {
            throw new GeResTimeoutException("No answer from " + call.method() + " " + call.uri() + " within " + call.timeout().toMillis() + " ms",
                    GeResException.Details.noAnswer(call.requestId(), call.idempotencyKey(), Math.max(1, call.attempt())), e);
        } catch (IOException e) {
            throw new GeResConnectionException("Could not reach GeRes at " + call.uri() + ": " + describe(e),
                    GeResException.Details.noAnswer(call.requestId(), call.idempotencyKey(), Math.max(1, call.attempt())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeResConnectionException("Interrupted while calling " + call.uri(),
                    GeResException.Details.noAnswer(call.requestId(), call.idempotencyKey(), Math.max(1, call.attempt())), e);
        }

        String requestId = result.header("x-request-id") != null ? result.header("x-request-id") : call.requestId();
        if (result.status() >= 400) {
            throw GeResException.fromResponse(mapper, result.status(), result.json(), result.bodyText(), result.headers(), requestId,
                    call.idempotencyKey(), call.attempt());
        }
        T data = decode(result, type, requestId, call);
        return new ApiResponse<>(result.status(), result.headers(), requestId, call.idempotencyKey(),
                "true".equalsIgnoreCase(result.header("idempotent-replayed")), call.traceparent(), call.attempt(), data);
    }

    @SuppressWarnings("unchecked")
    private <T> T decode(HttpResult result, ResponseType<T> type, String requestId, HttpCall call) {
        byte[] raw = result.rawBody();
        switch (type.kind()) {
            case NONE:
                return null;
            case TEXT:
                return (T) new String(raw, StandardCharsets.UTF_8);
            default:
                if (raw.length == 0 || result.status() == 204) {
                    return null;
                }
                try {
                    return mapper.readValue(raw, type.javaType(mapper));
                } catch (IOException e) {
                    throw new GeResException("The answer of " + call.method() + " " + call.uri() + " could not be read: " + e.getMessage(),
                            new GeResException.Details(result.status(), null, null, requestId, result.headers(), call.idempotencyKey(), call.attempt()), e);
                }
        }
    }

    private URI uri(ApiRequest request) {
        StringBuilder s = new StringBuilder(baseUrl).append(request.path());
        char sep = '?';
        for (Map.Entry<String, String> q : request.query()) {
            s.append(sep).append(PercentEncoding.encode(q.getKey())).append('=').append(PercentEncoding.encode(q.getValue()));
            sep = '&';
        }
        return URI.create(s.toString());
    }

    private record Encoded(byte[] bytes, String contentType) {
    }

    private Encoded encode(Object body, String mediaType) {
        if (body instanceof byte[] b) {
            return new Encoded(b, mediaType != null ? mediaType : "application/octet-stream");
        }
        if (body instanceof String s && (mediaType == null || !mediaType.contains("json"))) {
            return new Encoded(s.getBytes(StandardCharsets.UTF_8), mediaType != null ? mediaType : "text/plain; charset=utf-8");
        }
        try {
            return new Encoded(mapper.writeValueAsBytes(body), mediaType != null && mediaType.contains("json") ? mediaType : "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request body cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    /** A failing listener must not fail the call it reports on. */
    void emit(GeResEvent event) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "[geres] {0}", event);
        }
        if (listener != null) {
            try {
                listener.accept(event);
            } catch (RuntimeException ignored) {
                // ignored
            }
        }
    }

    /** The exchange itself, bounded by the call's timeout (the body read included). */
    private HttpResult exchange(HttpCall call) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri())
                .timeout(call.timeout())
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach(b::header);
        emit(new GeResEvent(GeResEvent.Kind.REQUEST, call.method(), call.uri().toString(), call.requestId(), call.attempt(), 0, 0, 0, null));
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = future.get(call.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("request timed out");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getMessage(), cause);
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        emit(new GeResEvent(GeResEvent.Kind.RESPONSE, call.method(), call.uri().toString(), call.requestId(), call.attempt(), response.statusCode(), elapsedMs, 0, null));
        return new HttpResult(response.statusCode(), response.headers().map(), response.body(), elapsedMs);
    }

    private final class Chain implements Interceptor.Chain {
        private final HttpCall call;
        private final int index;

        Chain(HttpCall call, int index) {
            this.call = call;
            this.index = index;
        }

        @Override
        public HttpCall call() {
            return call;
        }

        @Override
        public HttpResult proceed(HttpCall next) throws IOException, InterruptedException {
            if (index >= pipeline.size()) {
                return exchange(next);
            }
            HttpResult result = pipeline.get(index).intercept(new Chain(next, index + 1));
            if (result == null) {
                throw new IllegalStateException("Interceptor " + pipeline.get(index).getClass().getName() + " returned null");
            }
            return result;
        }
    }

    /** For the async variants: the GeResException inside a CompletionException. */
    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /** Read-only helper for interceptors: the problem document's {@code retryAfterSeconds}, if any. */
    static Long retryAfterFromBody(HttpResult r) {
        JsonNode j = r.json();
        if (j != null && j.path("retryAfterSeconds").isNumber() && j.get("retryAfterSeconds").asDouble() >= 0) {
            return (long) (j.get("retryAfterSeconds").asDouble() * 1000);
        }
        return null;
    }
}
