package it.geres.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.geres.client.FakeGateway.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which requests and which failures are sent again ({@link RetryRule}), the same in the three SDKs. */
class RetryRuleTest {
    static final String SEARCH = GeResClientTest.SEARCH;
    static final String USAGE = "GET /v1/me/usage";
    static final String USAGE_BODY = "{\"day\":\"2026-01-31\",\"dailyQuota\":1,\"used\":0,\"remaining\":1,\"resetsInSeconds\":1}";

    FakeGateway gateway;
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    GeResClient client() {
        return GeResClient.builder().baseUrl(gateway.url()).clientCredentials("app-id", "app-secret").operator("m.rossi").sleeper(sleeps::add).build();
    }

    static Map<String, Reply> transientFailures() {
        return Map.of(
                "409 idempotency-in-progress", Reply.problem(409, "idempotency-in-progress", null, Map.of()),
                "429 rate-limited", Reply.problem(429, "rate-limited", "\"retryAfterSeconds\":1", Map.of("Retry-After", "1")),
                "429 without a problem type", new Reply(429, Map.of("Content-Type", "text/plain"), "slow down", 0),
                "502 from a proxy", new Reply(502, Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>", 0),
                "503 anpr-unavailable", Reply.problem(503, "anpr-unavailable", "\"retryAfterSeconds\":1", Map.of()),
                "503 service-unavailable", Reply.problem(503, "service-unavailable", null, Map.of()),
                "504 from a proxy", new Reply(504, Map.of(), "", 0));
    }

    @Test
    void aLookupAndAGetAreRetriedAfterEachTransientFailure() {
        GeResClient client = client();
        transientFailures().forEach((what, failure) -> {
            gateway.on(SEARCH, failure, Reply.json(200, GeResClientTest.RESULT));
            gateway.on(USAGE, failure, Reply.json(200, USAGE_BODY));
            assertEquals(2, client.persons().searchWithResponse(GeResClientTest.query(), RequestOptions.none()).attempts(), what);
            assertEquals(2, client.request("GET", "/v1/me/usage", null, null, RequestOptions.none()).attempts(), what);
        });
    }

    @Test
    void otherFailuresAreNeverRetried() {
        GeResClient client = client();
        Map<String, Reply> permanent = Map.of(
                "409 conflict", Reply.problem(409, "conflict", null, Map.of()),
                "422 idempotency-key-reused", Reply.problem(422, "idempotency-key-reused", null, Map.of()),
                "429 quota-exceeded, even with a short Retry-After", Reply.problem(429, "quota-exceeded", "\"retryAfterSeconds\":1", Map.of("Retry-After", "1")),
                "500 internal-error", Reply.problem(500, "internal-error", null, Map.of()),
                "502 anpr-rejected", Reply.problem(502, "anpr-rejected", null, Map.of()));
        permanent.forEach((what, failure) -> {
            gateway.on(SEARCH, failure);
            gateway.on(USAGE, failure);
            assertEquals(1, assertThrows(GeResException.class, () -> client.persons().search(GeResClientTest.query()), what).attempts(), what);
            assertEquals(1, assertThrows(GeResException.class, () -> client.me().usage(), what).attempts(), what);
        });
        assertTrue(sleeps.isEmpty(), sleeps.toString());
    }

    @Test
    void aPostWithoutAnIdempotencyKeyIsSentOnce() throws IOException {
        gateway.on("POST /v1/users", Reply.problem(503, "service-unavailable", null, Map.of()));
        GeResClient client = client();
        ServerException e = assertThrows(ServerException.class, () -> client.request("POST", "/v1/users", null, Map.of("username", "n.user"), RequestOptions.none()));
        assertEquals(1, e.attempts());
        assertNull(gateway.requestsTo("POST /v1/users").get(0).header("idempotency-key"));

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GeResClient unreachable = GeResClient.builder().baseUrl("http://127.0.0.1:" + port).accessToken("fixed").sleeper(sleeps::add).build();
        GeResConnectionException refused = assertThrows(GeResConnectionException.class,
                () -> unreachable.request("POST", "/v1/users", null, Map.of("username", "n.user"), RequestOptions.none()));
        assertEquals(1, refused.attempts());
        assertTrue(sleeps.isEmpty(), sleeps.toString());
        // A lookup is keyed by the client, so the same refusal is retried.
        assertEquals(3, assertThrows(GeResConnectionException.class, () -> unreachable.persons().search(GeResClientTest.query())).attempts());
    }

    @Test
    void aPostWithYourIdempotencyKeyIsRetried() {
        gateway.on("POST /v1/users", Reply.problem(503, "service-unavailable", null, Map.of()), Reply.json(201, "{\"id\":\"u1\"}"));
        ApiResponse<?> r = client().request("POST", "/v1/users", null, Map.of("username", "n.user"), RequestOptions.builder().idempotencyKey("create-n.user").build());
        assertEquals(2, r.attempts());
        assertEquals("create-n.user", gateway.requestsTo("POST /v1/users").get(1).header("idempotency-key"));
    }

    @Test
    void theTokenRequestIsRetriedLikeAGet() {
        gateway.on(GeResClientTest.TOKEN, Reply.problem(503, "service-unavailable", null, Map.of()));
        gateway.on(SEARCH, Reply.json(200, GeResClientTest.RESULT));
        client().persons().search(GeResClientTest.query());
        assertEquals(2, gateway.requestsTo(GeResClientTest.TOKEN).size());
        assertNull(gateway.requestsTo(GeResClientTest.TOKEN).get(0).header("idempotency-key"));
    }

    @Test
    void aFailedRefreshIsThrownAsWhatItIsAndTheNextCallLogsInAgain() {
        GeResClientTest.MutableClock clock = new GeResClientTest.MutableClock();
        String pair1 = "{\"accessToken\":\"person-1\",\"refreshToken\":\"refresh-1\",\"expiresIn\":600,\"tokenType\":\"Bearer\"}";
        String pair2 = "{\"accessToken\":\"person-2\",\"refreshToken\":\"refresh-2\",\"expiresIn\":600,\"tokenType\":\"Bearer\"}";
        gateway.on("POST /v1/auth/login", Reply.json(200, pair1), Reply.json(200, pair2));
        gateway.on("POST /v1/auth/refresh", Reply.problem(503, "service-unavailable", null, Map.of()));
        gateway.always(USAGE, Reply.json(200, USAGE_BODY));
        GeResClient client = GeResClient.builder().baseUrl(gateway.url()).login("m.rossi", "secret").clock(clock).sleeper(sleeps::add).build();
        client.me().usage();
        clock.advance(Duration.ofSeconds(600));
        ServerException e = assertThrows(ServerException.class, () -> client.me().usage());
        assertEquals(1, e.attempts());
        assertEquals(1, gateway.requestsTo("POST /v1/auth/login").size());
        client.me().usage();
        assertEquals(2, gateway.requestsTo("POST /v1/auth/login").size());
        assertEquals(1, gateway.requestsTo("POST /v1/auth/refresh").size());
        assertEquals("Bearer person-2", gateway.requestsTo(USAGE).get(1).header("authorization"));
    }

    @Test
    void aRefusedRefreshLogsInAgain() {
        GeResClientTest.MutableClock clock = new GeResClientTest.MutableClock();
        gateway.on("POST /v1/auth/login", Reply.json(200, "{\"accessToken\":\"person-1\",\"refreshToken\":\"refresh-1\",\"expiresIn\":600,\"tokenType\":\"Bearer\"}"),
                Reply.json(200, "{\"accessToken\":\"person-2\",\"refreshToken\":\"refresh-2\",\"expiresIn\":600,\"tokenType\":\"Bearer\"}"));
        gateway.on("POST /v1/auth/refresh", Reply.problem(401, "invalid-token", null, Map.of()));
        gateway.always(USAGE, Reply.json(200, USAGE_BODY));
        GeResClient client = GeResClient.builder().baseUrl(gateway.url()).login("m.rossi", "secret").clock(clock).build();
        client.me().usage();
        clock.advance(Duration.ofSeconds(600));
        assertNotNull(client.me().usage());
        assertEquals(2, gateway.requestsTo("POST /v1/auth/login").size());
        assertEquals("Bearer person-2", gateway.requestsTo(USAGE).get(1).header("authorization"));
    }

    @Test
    void theRuleItself() {
        assertTrue(RetryRule.wantsIdempotencyKey("POST", "/v1/persons/search"));
        assertEquals(false, RetryRule.wantsIdempotencyKey("POST", "/v1/users"));
        assertEquals(false, RetryRule.isRepeatable("PUT", null, false));
        assertTrue(RetryRule.isRepeatable("PUT", "k", false));
        assertEquals(false, RetryRule.isTransientAnswer(500, "internal-error"));
        assertEquals(false, RetryRule.isTransientAnswer(502, "anpr-rejected"));
        assertTrue(RetryRule.isTransientAnswer(502, null));
    }
}
