package it.geres.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.geres.client.core.ApiCaller;
import it.geres.client.core.ApiRequest;
import it.geres.client.core.Json;
import it.geres.client.core.ResponseType;
import it.geres.client.generated.api.GeResApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The GeRes client. {@link #persons()} and {@link #me()} cover the lookup API; {@link #api()}
 * holds every operation of the API, generated from the OpenAPI document. All calls go through
 * the same core: authentication with token renewal, operator and workstation headers, retries
 * with jittered backoff, Idempotency-Key on POST, request ids and traceparent, typed exceptions.
 * <p>
 * Thread-safe; build one per gateway and credentials, and share it.
 *
 * <pre>{@code
 * GeResClient geres = GeResClient.builder()
 *     .baseUrl("http://127.0.0.1:3000")
 *     .clientCredentials(clientId, clientSecret)
 *     .operator("m.rossi")
 *     .build();
 * }</pre>
 */
public final class GeResClient {
    /** The version of this client, sent in the User-Agent. */
    public static final String VERSION = "0.1.0";

    private final Transport transport;
    private final RequestOptions defaults;
    private final GeResApi api;
    private final Persons persons;
    private final Me me;

    private GeResClient(Transport transport, RequestOptions defaults) {
        this.transport = transport;
        this.defaults = defaults;
        ApiCaller caller = new ApiCaller() {
            @Override
            public <T> ApiResponse<T> execute(ApiRequest request, RequestOptions options, ResponseType<T> type) {
                return transport.execute(request, defaults.merge(options), type);
            }

            @Override
            public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, RequestOptions options, ResponseType<T> type) {
                return transport.executeAsync(request, defaults.merge(options), type);
            }
        };
        this.api = new GeResApi(caller);
        this.persons = new Persons(api.persons());
        this.me = new Me(api.me());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every operation of the API, generated: {@code api().users().listUsers(...)}. */
    public GeResApi api() {
        return api;
    }

    /** Person lookups: search by criterion, get by codice fiscale or idANPR. */
    public Persons persons() {
        return persons;
    }

    /** The caller: today's usage against the daily quota. */
    public Me me() {
        return me;
    }

    /** The same client with other defaults for the calls made through it (operator, timeout…). */
    public GeResClient withOptions(RequestOptions options) {
        return new GeResClient(transport, defaults.merge(options));
    }

    /** Any endpoint, for what the generated layer does not cover yet; the answer as JSON. */
    public ApiResponse<JsonNode> request(String method, String path, Map<String, ?> query, Object body, RequestOptions options) {
        ApiRequest request = ApiRequest.of(method, path);
        if (query != null) {
            query.forEach(request::query);
        }
        if (body != null) {
            request.body(body, "application/json");
        }
        return transport.execute(request, defaults.merge(options), ResponseType.json(JsonNode.class));
    }

    /** The ObjectMapper this client reads and writes JSON with. */
    public ObjectMapper objectMapper() {
        return transport.mapper;
    }

    /** The User-Agent this client sends. */
    public String userAgent() {
        return transport.userAgent;
    }

    /** Builds a {@link GeResClient}. Required: {@link #baseUrl} and one way to authenticate. */
    public static final class Builder {
        private String baseUrl;
        private String clientId;
        private String clientSecret;
        private String username;
        private String password;
        private Supplier<String> tokenSupplier;
        private boolean tokenRenewable;
        private String operator;
        private Workstation workstation;
        private Duration timeout = Duration.ofSeconds(30);
        private int maxRetries = 2;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private String userAgentSuffix;
        private Consumer<GeResEvent> listener;
        private HttpClient httpClient;
        private Executor executor;
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private ObjectMapper mapper;
        private final List<Interceptor> interceptors = new ArrayList<>();

        private Builder() {
        }

        /** The gateway, e.g. {@code http://127.0.0.1:3000} for the sandbox. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** An application: the OAuth2 client-credentials grant; the token is renewed before it expires. */
        public Builder clientCredentials(String clientId, String clientSecret) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** A person: login, then refresh-token rotation. */
        public Builder login(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /** A token you manage yourself; it cannot be renewed after a 401. */
        public Builder accessToken(String accessToken) {
            Objects.requireNonNull(accessToken, "accessToken");
            this.tokenSupplier = () -> accessToken;
            this.tokenRenewable = false;
            return this;
        }

        /** A token you manage yourself, asked for on every attempt (and again after a 401). */
        public Builder accessToken(Supplier<String> supplier) {
            this.tokenSupplier = Objects.requireNonNull(supplier, "supplier");
            this.tokenRenewable = true;
            return this;
        }

        /** Applications: the operator acted for ({@code X-GeRes-Operator}), unless a call names another. */
        public Builder operator(String operator) {
            this.operator = operator;
            return this;
        }

        /** The workstation calls come from ({@code X-GeRes-Workstation}, {@code X-GeRes-Device-Token}). */
        public Builder workstation(String code, String deviceToken) {
            this.workstation = code == null ? null : new Workstation(code, deviceToken);
            return this;
        }

        public Builder workstation(Workstation workstation) {
            this.workstation = workstation;
            return this;
        }

        /** Per attempt, the body read included. Default 30 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Retries after the first attempt, on connection errors, 429 and 503. Default 2. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Appended to the User-Agent, e.g. {@code protocollo/4.2}. */
        public Builder userAgentSuffix(String suffix) {
            this.userAgentSuffix = suffix;
            return this;
        }

        /** Receives one event per attempt, response, retry and re-authentication (no tokens, no bodies). */
        public Builder listener(Consumer<GeResEvent> listener) {
            this.listener = listener;
            return this;
        }

        /** Adds a step to the pipeline, called once per attempt (before the access token is added). */
        public Builder addInterceptor(Interceptor interceptor) {
            this.interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** The java.net.http client to use (proxy, TLS, HTTP version…). Default: HTTP/1.1, connect timeout = timeout. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Where the {@code …Async} calls run. Default: a cached pool of daemon threads. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** How to wait between retries; tests replace it. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The clock for token expiry and Retry-After dates; tests replace it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Your own ObjectMapper (it should ignore unknown properties). Default {@link Json#newMapper()}. */
        public Builder objectMapper(ObjectMapper mapper) {
            this.mapper = mapper;
            return this;
        }

        public GeResClient build() {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalArgumentException("baseUrl is required, e.g. http://127.0.0.1:3000");
            }
            URI parsed = URI.create(baseUrl);
            if (parsed.getScheme() == null || !(parsed.getScheme().equals("http") || parsed.getScheme().equals("https"))) {
                throw new IllegalArgumentException("baseUrl must be an http or https URL: " + baseUrl);
            }
            int ways = (clientId != null || clientSecret != null ? 1 : 0) + (username != null || password != null ? 1 : 0) + (tokenSupplier != null ? 1 : 0);
            if (ways != 1) {
                throw new IllegalArgumentException("Authenticate one way: clientCredentials(id, secret), login(username, password) or accessToken(...)");
            }
            if ((clientId != null || clientSecret != null) && (isBlank(clientId) || isBlank(clientSecret))) {
                throw new IllegalArgumentException("clientId and clientSecret are both required");
            }
            if ((username != null || password != null) && (isBlank(username) || isBlank(password))) {
                throw new IllegalArgumentException("username and password are both required");
            }
            HttpClient http = httpClient != null ? httpClient
                    : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
            String ua = "geres-sdk-java/" + VERSION + " java/" + System.getProperty("java.version") + (isBlank(userAgentSuffix) ? "" : " " + userAgentSuffix);
            Transport transport = new Transport(baseUrl, http, mapper != null ? mapper : Json.newMapper(), timeout, maxRetries, retryPolicy, ua,
                    operator, workstation, listener, sleeper, clock, executor != null ? executor : defaultExecutor(), interceptors);
            if (clientId != null) {
                transport.auth = new TokenSource.ClientCredentials(transport, clock, clientId, clientSecret);
            } else if (username != null) {
                transport.auth = new TokenSource.Password(transport, clock, username, password);
            } else {
                transport.auth = new TokenSource.Fixed(tokenSupplier, tokenRenewable);
            }
            return new GeResClient(transport, RequestOptions.none());
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }

        private static Executor defaultExecutor() {
            AtomicInteger n = new AtomicInteger();
            return Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "geres-client-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }
}
