package it.geres.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.geres.client.FakeGateway.Recorded;
import it.geres.client.FakeGateway.Reply;
import it.geres.client.core.Ids;
import it.geres.client.generated.api.UsersApi;
import it.geres.client.generated.model.CriterionDto;
import it.geres.client.generated.model.LookupSection;
import it.geres.client.generated.model.PersonSearchResult;
import it.geres.client.generated.model.Role;
import it.geres.client.generated.model.SearchPersonsDto;
import it.geres.client.generated.model.Usage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GeResClientTest {
    static final String SEARCH = "POST /v1/persons/search";
    static final String TOKEN = "POST /v1/oauth/token";
    static final String RESULT = "{\"persons\":[{\"idANPR\":\"SZ82865K3\",\"generalita\":{\"cognome\":\"NERI\",\"nome\":\"CLAUDIO\",\"sesso\":\"M\"},\"futureMember\":1}],"
            + "\"anprOperationId\":\"7301944\",\"warnings\":[],\"comune\":\"072006\",\"asOf\":\"2026-01-31\",\"requestId\":\"$REQUEST_ID\"}";

    FakeGateway gateway;
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final List<GeResEvent> events = Collections.synchronizedList(new ArrayList<>());
    MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws IOException {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    GeResClient.Builder builder() {
        return GeResClient.builder()
                .baseUrl(gateway.url() + "/")
                .clientCredentials("app-id", "app-secret")
                .operator("m.rossi")
                .workstation("072006-CS-0001", "device-token")
                .sleeper(sleeps::add)
                .clock(clock)
                .listener(events::add);
    }

    static SearchPersonsDto query() {
        return SearchPersonsDto.builder()
                .criterion(CriterionDto.builder().type(CriterionDto.Type.CODICE_FISCALE).codiceFiscale("NRECLD70B17A662M").build())
                .sections(LookupSection.GENERALITA, LookupSection.RESIDENZA)
                .comune("072006")
                .motivoRichiesta("Pratica 12/2026")
                .build();
    }

    @Test
    void searchSendsTokenContextIdsAndDecodesTheAnswer() {
        gateway.on(SEARCH, Reply.json(200, RESULT));
        GeResClient client = builder().userAgentSuffix("protocollo/4.2").build();

        ApiResponse<PersonSearchResult> response = client.persons().searchWithResponse(query(), RequestOptions.none());

        assertEquals("NERI", response.data().persons().get(0).generalita().cognome());
        assertEquals(1, response.attempts());
        Recorded token = gateway.requestsTo(TOKEN).get(0);
        assertTrue(token.body().contains("\"grant_type\":\"client_credentials\""), token.body());
        assertTrue(token.body().contains("\"client_id\":\"app-id\""));
        assertNull(token.header("authorization"));
        assertNull(token.header("x-geres-operator"), "the token request carries no operator");

        Recorded search = gateway.requestsTo(SEARCH).get(0);
        assertEquals("Bearer token-1", search.header("authorization"));
        assertEquals("m.rossi", search.header("x-geres-operator"));
        assertEquals("072006-CS-0001", search.header("x-geres-workstation"));
        assertEquals("device-token", search.header("x-geres-device-token"));
        assertTrue(search.header("user-agent").startsWith("geres-sdk-java/" + GeResClient.VERSION + " java/"), search.header("user-agent"));
        assertTrue(search.header("user-agent").endsWith(" protocollo/4.2"));
        assertTrue(search.header("content-type").startsWith("application/json"));
        assertTrue(Ids.isValidTraceparent(search.header("traceparent")), search.header("traceparent"));
        assertNotNull(search.header("idempotency-key"));
        assertEquals(search.header("x-request-id"), response.requestId());
        assertEquals(search.header("idempotency-key"), response.idempotencyKey());
        assertTrue(search.body().contains("\"sections\":[\"generalita\",\"residenza\"]"), search.body());
        assertTrue(search.body().contains("\"type\":\"codiceFiscale\""));
        assertFalse(search.body().contains("null"), "absent members are left out: " + search.body());
    }

    @Test
    void tokenIsCachedAndRenewedBeforeItExpires() {
        gateway.always(SEARCH, Reply.json(200, RESULT));
        GeResClient client = builder().build();
        client.persons().search(query());
        client.persons().search(query());
        assertEquals(1, gateway.tokensIssued.get(), "one token for both calls");

        clock.advance(Duration.ofSeconds(900 - 60)); // within the last tenth (at most a minute) of a 900 s token
        client.persons().search(query());
        assertEquals(2, gateway.tokensIssued.get(), "renewed ahead of expiry");
        List<Recorded> searches = gateway.requestsTo(SEARCH);
        assertEquals("Bearer token-2", searches.get(2).header("authorization"));
    }

    @Test
    void invalidTokenFetchesANewTokenOnceWithoutCountingARetry() {
        gateway.on(SEARCH, Reply.problem(401, "invalid-token", null, Map.of()), Reply.json(200, RESULT));
        GeResClient client = builder().maxRetries(0).build();

        ApiResponse<PersonSearchResult> response = client.persons().searchWithResponse(query(), RequestOptions.none());

        assertEquals(1, response.attempts());
        List<Recorded> searches = gateway.requestsTo(SEARCH);
        assertEquals("Bearer token-1", searches.get(0).header("authorization"));
        assertEquals("Bearer token-2", searches.get(1).header("authorization"));
        assertEquals(searches.get(0).header("idempotency-key"), searches.get(1).header("idempotency-key"));
        assertTrue(events.stream().anyMatch(e -> e.kind() == GeResEvent.Kind.REAUTHENTICATE));
    }

    @Test
    void aSecondInvalidTokenIsThrown() {
        gateway.always(SEARCH, Reply.problem(401, "invalid-token", null, Map.of()));
        GeResClient client = builder().build();
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.persons().search(query()));
        assertEquals("invalid-token", e.problemName());
        assertEquals(2, gateway.requestsTo(SEARCH).size());
    }

    @Test
    void badClientCredentialsThrowAuthenticationException() {
        gateway.always(TOKEN, Reply.problem(401, "invalid-client", "\"error\":\"invalid_client\"", Map.of()));
        GeResClient client = builder().build();
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.persons().search(query()));
        assertEquals("urn:geres:problem:invalid-client", e.type());
        assertEquals(0, gateway.requestsTo(SEARCH).size());
    }

    @Test
    void retriesA503HonouringRetryAfterWithTheSameIdsAndIdempotencyKey() {
        gateway.on(SEARCH, Reply.problem(503, "anpr-unavailable", "\"retryAfterSeconds\":3", Map.of("Retry-After", "3")), Reply.json(200, RESULT));
        GeResClient client = builder().build();

        ApiResponse<PersonSearchResult> response = client.persons().searchWithResponse(query(), RequestOptions.none());

        assertEquals(2, response.attempts());
        assertEquals(1, sleeps.size());
        assertTrue(sleeps.get(0).toMillis() >= 3000, "waited at least Retry-After: " + sleeps.get(0));
        List<Recorded> searches = gateway.requestsTo(SEARCH);
        assertEquals(2, searches.size());
        assertEquals(searches.get(0).header("idempotency-key"), searches.get(1).header("idempotency-key"));
        assertEquals(searches.get(0).header("x-request-id"), searches.get(1).header("x-request-id"));
        assertEquals(searches.get(0).header("traceparent"), searches.get(1).header("traceparent"));
        assertEquals(response.idempotencyKey(), searches.get(1).header("idempotency-key"));
        assertTrue(events.stream().anyMatch(e -> e.kind() == GeResEvent.Kind.RETRY && e.reason().equals("HTTP 503 anpr-unavailable")));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        clock.set(Instant.now());
        String in5s = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(5).atZone(ZoneOffset.UTC));
        gateway.on(SEARCH, Reply.problem(429, "rate-limited", null, Map.of("Retry-After", in5s)), Reply.json(200, RESULT));
        builder().build().persons().search(query());
        assertTrue(sleeps.get(0).toMillis() >= 4000 && sleeps.get(0).toMillis() <= 5000, sleeps.toString());
    }

    @Test
    void backoffIsJitteredExponentialWhenThereIsNoHint() {
        gateway.always(SEARCH, Reply.problem(503, "service-unavailable", null, Map.of()));
        GeResClient client = builder().maxRetries(3).build();
        ServerException e = assertThrows(ServerException.class, () -> client.persons().search(query()));
        assertEquals(4, e.attempts());
        assertEquals(3, sleeps.size());
        long[] ceilings = {500, 1000, 2000};
        for (int i = 0; i < 3; i++) {
            long ms = sleeps.get(i).toMillis();
            assertTrue(ms >= ceilings[i] / 2 && ms <= ceilings[i], "retry " + (i + 1) + " waited " + ms);
        }
    }

    @Test
    void aRetryAfterLongerThanTheLimitIsThrownAtOnce() {
        gateway.always(SEARCH, Reply.problem(429, "quota-exceeded", "\"retryAfterSeconds\":40000", Map.of("Retry-After", "40000")));
        GeResClient client = builder().build();
        QuotaExceededException e = assertThrows(QuotaExceededException.class, () -> client.persons().search(query()));
        assertEquals(40000, e.retryAfterSeconds());
        assertEquals(1, e.attempts());
        assertTrue(sleeps.isEmpty());
        assertInstanceOf(RateLimitedException.class, e);
    }

    @Test
    void noRetryOn403AndTheErrorCarriesProblemAndRequestId() {
        gateway.always(SEARCH, Reply.problem(403, "forbidden-by-profile", "\"rule\":\"section_not_allowed\",\"requestId\":\"$REQUEST_ID\",\"extra\":\"kept\"", Map.of()));
        GeResClient client = builder().build();
        RequestOptions options = RequestOptions.builder().requestId("my-request-1").build();

        ForbiddenByProfileException e = assertThrows(ForbiddenByProfileException.class, () -> client.persons().search(query(), options));

        assertEquals(1, gateway.requestsTo(SEARCH).size());
        assertTrue(sleeps.isEmpty());
        assertEquals(403, e.status());
        assertEquals("my-request-1", e.requestId());
        assertEquals("section_not_allowed", e.rule());
        assertEquals("detail of forbidden-by-profile", e.detail());
        assertEquals("kept", e.problemDocument().get("extra"));
        assertNotNull(e.idempotencyKey());
        assertTrue(e.getMessage().contains("forbidden-by-profile") && e.getMessage().contains("my-request-1"), e.getMessage());
        assertInstanceOf(PermissionException.class, e);
    }

    @Test
    void problemTypesMapToExceptionClasses() {
        GeResClient client = builder().maxRetries(0).build();
        Object[][] cases = {
            {Reply.problem(404, "subject-not-found", null, Map.of()), SubjectNotFoundException.class},
            {Reply.problem(422, "more-than-one-subject", null, Map.of()), MoreThanOneSubjectException.class},
            {Reply.problem(400, "invalid-criteria", "\"errors\":[{\"field\":\"criterion.codiceFiscale\",\"message\":\"bad\"}]", Map.of()), InvalidCriteriaException.class},
            {Reply.problem(403, "comune-not-agreed", null, Map.of()), ComuneNotAgreedException.class},
            {Reply.problem(403, "workstation-not-authorised", "\"rule\":\"workstation_not_authorised\"", Map.of()), WorkstationNotAuthorisedException.class},
            {Reply.problem(422, "idempotency-key-reused", null, Map.of()), IdempotencyKeyReusedException.class},
            {Reply.problem(409, "idempotency-in-progress", null, Map.of()), ConflictException.class},
            {Reply.problem(502, "anpr-rejected", null, Map.of()), AnprRejectedException.class},
            {Reply.problem(503, "anpr-unavailable", null, Map.of()), AnprUnavailableException.class},
            {Reply.problem(404, "a-type-from-the-future", null, Map.of()), NotFoundException.class},
            {Reply.problem(418, "a-type-from-the-future", null, Map.of()), GeResException.class},
            {new Reply(502, Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>", 0), ServerException.class},
            {new Reply(401, Map.of(), "", 0), AuthenticationException.class},
        };
        for (Object[] c : cases) {
            gateway.on(SEARCH, (Reply) c[0]);
            GeResException e = assertThrows(GeResException.class, () -> client.persons().search(query()));
            assertEquals(c[1], e.getClass(), "for " + ((Reply) c[0]).body());
            assertEquals(((Reply) c[0]).status(), e.status());
            assertNotNull(e.requestId());
        }
        gateway.on(SEARCH, (Reply) cases[2][0]);
        InvalidCriteriaException invalid = assertThrows(InvalidCriteriaException.class, () -> client.persons().search(query()));
        assertEquals("criterion.codiceFiscale", invalid.errors().get(0).field());
    }

    @Test
    void timeoutIsThrownAndNotRetried() {
        gateway.on(SEARCH, Reply.json(200, RESULT).delayed(2000));
        GeResClient client = builder().timeout(Duration.ofMillis(300)).build();
        long started = System.nanoTime();
        GeResTimeoutException e = assertThrows(GeResTimeoutException.class, () -> client.persons().search(query()));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        assertTrue(elapsedMs < 1800, "gave up after the timeout: " + elapsedMs + " ms");
        assertEquals(1, gateway.requestsTo(SEARCH).size());
        assertNull(e.status());
        assertNotNull(e.requestId());
        assertInstanceOf(GeResConnectionException.class, e);
    }

    @Test
    void perCallTimeoutOverridesTheClients() {
        gateway.on(SEARCH, Reply.json(200, RESULT).delayed(1000));
        GeResClient client = builder().build();
        assertThrows(GeResTimeoutException.class,
                () -> client.persons().search(query(), RequestOptions.builder().timeout(Duration.ofMillis(200)).build()));
    }

    @Test
    void connectionErrorsAreRetriedThenThrown() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GeResClient client = GeResClient.builder().baseUrl("http://127.0.0.1:" + port).accessToken("fixed").maxRetries(2).sleeper(sleeps::add).build();
        GeResConnectionException e = assertThrows(GeResConnectionException.class, () -> client.me().usage());
        assertEquals(3, e.attempts());
        assertEquals(2, sleeps.size());
        assertFalse(e instanceof GeResTimeoutException);
    }

    @Test
    void idempotencyKeyIsYoursWhenGivenAndAbsentOnGet() {
        gateway.on(SEARCH, Reply.json(200, RESULT).withHeader("Idempotent-Replayed", "true"));
        gateway.on("GET /v1/me/usage", Reply.json(200, "{\"day\":\"2026-01-31\",\"dailyQuota\":500,\"used\":12,\"remaining\":488,\"resetsInSeconds\":3600}"));
        GeResClient client = builder().build();

        ApiResponse<PersonSearchResult> r = client.persons().searchWithResponse(query(), RequestOptions.builder().idempotencyKey("key-123").build());
        assertEquals("key-123", gateway.requestsTo(SEARCH).get(0).header("idempotency-key"));
        assertTrue(r.idempotentReplayed());

        Usage usage = client.me().usage();
        assertEquals(488, usage.remaining());
        assertNull(gateway.requestsTo("GET /v1/me/usage").get(0).header("idempotency-key"));
    }

    @Test
    void eachCallGetsItsOwnIdempotencyKeyAndRequestId() {
        gateway.always(SEARCH, Reply.json(200, RESULT));
        GeResClient client = builder().build();
        client.persons().search(query());
        client.persons().search(query());
        List<Recorded> s = gateway.requestsTo(SEARCH);
        assertNotEquals(s.get(0).header("idempotency-key"), s.get(1).header("idempotency-key"));
        assertNotEquals(s.get(0).header("x-request-id"), s.get(1).header("x-request-id"));
    }

    @Test
    void traceparentIsPropagatedAndChecked() {
        gateway.on(SEARCH, Reply.json(200, RESULT));
        GeResClient client = builder().build();
        String tp = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        client.persons().search(query(), RequestOptions.builder().traceparent(tp).build());
        assertEquals(tp, gateway.requestsTo(SEARCH).get(0).header("traceparent"));
        assertThrows(IllegalArgumentException.class,
                () -> client.persons().search(query(), RequestOptions.builder().traceparent("00-000-bad").build()));
    }

    @Test
    void operatorAndWorkstationCanBeOverriddenOrDropped() {
        gateway.always("GET /v1/me/usage", Reply.json(200, "{\"day\":\"2026-01-31\",\"dailyQuota\":1,\"used\":0,\"remaining\":1,\"resetsInSeconds\":1}"));
        GeResClient client = builder().build();
        client.withOptions(RequestOptions.builder().operator("g.verdi").build()).me().usage();
        client.me().usage(RequestOptions.builder().operator(null).workstation(null).build());
        List<Recorded> r = gateway.requestsTo("GET /v1/me/usage");
        assertEquals("g.verdi", r.get(0).header("x-geres-operator"));
        assertEquals("072006-CS-0001", r.get(0).header("x-geres-workstation"));
        assertNull(r.get(1).header("x-geres-operator"));
        assertNull(r.get(1).header("x-geres-workstation"));
        assertNull(r.get(1).header("x-geres-device-token"));
    }

    @Test
    void asyncVariantsCompleteAndFailWithTypedExceptions() throws Exception {
        gateway.on(SEARCH, Reply.json(200, RESULT), Reply.problem(404, "subject-not-found", null, Map.of()));
        GeResClient client = builder().build();
        PersonSearchResult ok = client.persons().searchAsync(query()).get();
        assertEquals("SZ82865K3", ok.persons().get(0).idANPR());
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.persons().searchAsync(query()).get());
        assertInstanceOf(SubjectNotFoundException.class, e.getCause());
        CompletionException ce = assertThrows(CompletionException.class, () -> client.persons().searchAsync(query()).join());
        assertInstanceOf(NotFoundException.class, ce.getCause());
    }

    @Test
    void loginThenRefreshTokenRotation() {
        gateway.on("POST /v1/auth/login", Reply.json(200, "{\"accessToken\":\"person-1\",\"refreshToken\":\"refresh-1\",\"expiresIn\":600,\"tokenType\":\"Bearer\"}"));
        gateway.on("POST /v1/auth/refresh", Reply.json(200, "{\"accessToken\":\"person-2\",\"refreshToken\":\"refresh-2\",\"expiresIn\":600,\"tokenType\":\"Bearer\"}"));
        gateway.always("GET /v1/me/usage", Reply.json(200, "{\"day\":\"2026-01-31\",\"dailyQuota\":1,\"used\":0,\"remaining\":1,\"resetsInSeconds\":1}"));
        GeResClient client = GeResClient.builder().baseUrl(gateway.url()).login("m.rossi", "secret").clock(clock).build();
        client.me().usage();
        clock.advance(Duration.ofSeconds(600));
        client.me().usage();
        assertTrue(gateway.requestsTo("POST /v1/auth/login").get(0).body().contains("\"username\":\"m.rossi\""));
        assertTrue(gateway.requestsTo("POST /v1/auth/refresh").get(0).body().contains("\"refreshToken\":\"refresh-1\""));
        List<Recorded> calls = gateway.requestsTo("GET /v1/me/usage");
        assertEquals("Bearer person-1", calls.get(0).header("authorization"));
        assertEquals("Bearer person-2", calls.get(1).header("authorization"));
    }

    @Test
    void generatedOperationsEncodePathAndQuery() {
        gateway.on("GET /v1/users", Reply.json(200, "{\"items\":[],\"page\":1,\"pageSize\":10,\"total\":0}"));
        gateway.on("GET /v1/persons/NRE%20CLD%2F1", Reply.json(200, RESULT));
        GeResClient client = builder().build();
        client.api().users().listUsers(new UsersApi.ListUsersParams().page(2).role(Role.values()[0]).q("rossi & figli"));
        Recorded users = gateway.requestsTo("GET /v1/users").get(0);
        assertEquals("page=2&role=" + Role.values()[0].value() + "&q=rossi%20%26%20figli", users.query());
        client.persons().get("NRE CLD/1", "072006", List.of(LookupSection.GENERALITA, LookupSection.FAMIGLIA), "Pratica 1");
        Recorded person = gateway.requestsTo("GET /v1/persons/NRE%20CLD%2F1").get(0);
        assertEquals("comune=072006&sections=generalita%2Cfamiglia&motivoRichiesta=Pratica%201", person.query());
    }

    @Test
    void getWithResponseCarriesStatusAttemptsAndNoIdempotencyKey() {
        gateway.on("GET /v1/persons/NRECLD70B17A662M", Reply.problem(503, "anpr-unavailable", null, Map.of("Retry-After", "1")), Reply.json(200, RESULT));
        GeResClient client = builder().build();
        ApiResponse<PersonSearchResult> response = client.persons().getWithResponse("NRECLD70B17A662M",
                Persons.params("072006", List.of(LookupSection.GENERALITA), "Pratica 1"), RequestOptions.builder().operator("g.verdi").build());
        assertEquals(200, response.status());
        assertEquals(2, response.attempts());
        assertFalse(response.idempotentReplayed());
        assertNull(response.idempotencyKey());
        assertEquals("SZ82865K3", response.data().persons().get(0).idANPR());
        Recorded person = gateway.requestsTo("GET /v1/persons/NRECLD70B17A662M").get(1);
        assertEquals("comune=072006&sections=generalita&motivoRichiesta=Pratica%201", person.query());
        assertEquals("g.verdi", person.header("x-geres-operator"));
    }

    @Test
    void userInterceptorsSeeEveryAttemptWithoutTheToken() {
        gateway.on(SEARCH, Reply.problem(503, "anpr-unavailable", null, Map.of("Retry-After", "0")), Reply.json(200, RESULT));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        GeResClient client = builder().addInterceptor(chain -> {
            if (!chain.call().uri().getPath().startsWith("/v1/persons")) {
                return chain.proceed(chain.call());
            }
            seen.add(chain.call().attempt() + ":" + chain.call().header("Authorization"));
            HttpResult r = chain.proceed(chain.call().header("X-Custom", "yes"));
            seen.add("status " + r.status());
            return r;
        }).build();
        client.persons().search(query());
        assertEquals(List.of("1:null", "status 503", "2:null", "status 200"), seen);
        assertEquals("yes", gateway.requestsTo(SEARCH).get(1).header("x-custom"));
    }

    @Test
    void builderRefusesIncompleteConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> GeResClient.builder().clientCredentials("a", "b").build());
        assertThrows(IllegalArgumentException.class, () -> GeResClient.builder().baseUrl("http://x").build());
        assertThrows(IllegalArgumentException.class, () -> GeResClient.builder().baseUrl("http://x").clientCredentials("a", "").build());
        assertThrows(IllegalArgumentException.class, () -> GeResClient.builder().baseUrl("http://x").accessToken("t").login("u", "p").build());
        assertThrows(NullPointerException.class, () -> SearchPersonsDto.builder().comune("072006").build());
    }

    @Test
    void versionMatchesThePom() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<version>" + GeResClient.VERSION + "</version>"), "GeResClient.VERSION must match the pom's version");
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-31T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
