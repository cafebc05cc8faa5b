using System.Net.Http;
using System.Text.Json;
using GeRes.Client.Generated;
using Microsoft.Extensions.DependencyInjection;

namespace GeRes.Client.Tests;

public class ClientTests
{
    private static readonly object SearchOk = new
    {
        requestId = "gw-req-1",
        anprOperationId = "op-1",
        comune = "072006",
        asOf = "2026-05-04",
        persons = new[] { new { idANPR = "SZ82865K3" } },
        warnings = Array.Empty<object>(),
    };

    private static SearchPersonsDto Query() => new()
    {
        Criterion = new CriterionDto { Type = CriterionDtoType.CodiceFiscale, CodiceFiscale = "NRECLD70B17A662M" },
        Sections = [LookupSection.Generalita, LookupSection.Residenza],
        Comune = "072006",
        MotivoRichiesta = "Pratica 12/2026",
    };

    [Fact]
    public async Task Search_sends_context_headers_and_the_wire_form_of_the_body()
    {
        using var h = new Harness();
        h.Gateway.ThenJson(SearchOk, 200, ("X-Request-Id", "gw-req-1"));
        GeResResponseInfo? info = null;

        var result = await h.Client.Persons.SearchAsync(Query(), new GeResCallOptions { OnResponse = i => info = i });

        Assert.Equal("op-1", result.AnprOperationId);
        var token = Assert.Single(h.Gateway.TokenRequests);
        Assert.Contains("\"grant_type\":\"client_credentials\"", token.Body);
        Assert.Null(token.Header("X-GeRes-Operator"));
        var r = Assert.Single(h.Gateway.Requests);
        Assert.Equal(HttpMethod.Post, r.Method);
        Assert.Equal("/v1/persons/search", r.Path);
        Assert.Equal("Bearer token-1", r.Header("Authorization"));
        Assert.Equal("m.rossi", r.Header("X-GeRes-Operator"));
        Assert.Equal("072006-CS-0001", r.Header("X-GeRes-Workstation"));
        Assert.Equal("device-1", r.Header("X-GeRes-Device-Token"));
        Assert.StartsWith("geres-sdk-dotnet/0.1.0 dotnet/", r.Header("User-Agent"));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", r.Header("traceparent"));
        Assert.True(Guid.TryParse(r.Header("X-Request-Id"), out _));
        Assert.True(Guid.TryParse(r.Header("Idempotency-Key"), out _));

        using var body = JsonDocument.Parse(r.Body!);
        var root = body.RootElement;
        Assert.Equal("codiceFiscale", root.GetProperty("criterion").GetProperty("type").GetString());
        Assert.Equal("[\"generalita\",\"residenza\"]", root.GetProperty("sections").GetRawText());
        Assert.Equal("lookup", root.GetProperty("purpose").GetString());
        Assert.False(root.TryGetProperty("asOf", out _), "null members are left out");
        Assert.False(root.GetProperty("criterion").TryGetProperty("idANPR", out _));

        Assert.NotNull(info);
        Assert.Equal("gw-req-1", info!.RequestId);
        Assert.Equal(1, info.Attempts);
        Assert.Equal(r.Header("Idempotency-Key"), info.IdempotencyKey);
    }

    [Fact]
    public async Task Get_joins_sections_by_their_wire_names_and_sends_no_idempotency_key()
    {
        using var h = new Harness();
        h.Gateway.ThenJson(SearchOk);
        await h.Client.Persons.GetAsync("NRECLD70B17A662M", "072006", [LookupSection.Generalita, LookupSection.StatoCivile], "Pratica 1", new DateOnly(2026, 1, 31));
        var r = Assert.Single(h.Gateway.Requests);
        Assert.Equal(HttpMethod.Get, r.Method);
        Assert.Contains("/v1/persons/NRECLD70B17A662M?", r.Path);
        Assert.Contains("sections=generalita%2CstatoCivile", r.Path);
        Assert.Contains("asOf=2026-01-31", r.Path);
        Assert.Null(r.Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Token_is_cached_then_renewed_before_it_expires()
    {
        using var h = new Harness();
        h.Gateway.ExpiresIn = 900;
        h.Gateway.ThenJson(new { dailyQuota = 10, used = 1, remaining = 9, day = "2026-05-04", resetsInSeconds = 100 });
        h.Gateway.ThenJson(new { dailyQuota = 10, used = 2, remaining = 8, day = "2026-05-04", resetsInSeconds = 100 });
        h.Gateway.ThenJson(new { dailyQuota = 10, used = 3, remaining = 7, day = "2026-05-04", resetsInSeconds = 100 });

        await h.Client.Me.UsageAsync();
        await h.Client.Me.UsageAsync();
        Assert.Equal(1, h.Gateway.TokenCounter);

        h.Now += TimeSpan.FromSeconds(900 - 60 + 1); // inside the renewal margin (a tenth, at most a minute)
        var usage = await h.Client.Me.UsageAsync();
        Assert.Equal(3, usage.Used);
        Assert.Equal(2, h.Gateway.TokenCounter);
        Assert.Equal("Bearer token-2", h.Gateway.Requests[2].Header("Authorization"));
    }

    [Fact]
    public async Task Invalid_token_fetches_a_new_token_once_without_counting_as_a_retry()
    {
        using var h = new Harness(o => o.Retry.MaxRetries = 0);
        h.Gateway.ThenProblem("invalid-token", 401);
        h.Gateway.ThenJson(new { dailyQuota = 10, used = 1, remaining = 9, day = "2026-05-04", resetsInSeconds = 100 });

        await h.Client.Me.UsageAsync();

        Assert.Equal(2, h.Gateway.TokenCounter);
        Assert.Equal("Bearer token-1", h.Gateway.Requests[0].Header("Authorization"));
        Assert.Equal("Bearer token-2", h.Gateway.Requests[1].Header("Authorization"));
        Assert.Equal(h.Gateway.Requests[0].Header("X-Request-Id"), h.Gateway.Requests[1].Header("X-Request-Id"));
    }

    [Fact]
    public async Task A_second_invalid_token_is_thrown()
    {
        using var h = new Harness();
        h.Gateway.ThenProblem("invalid-token", 401).ThenProblem("invalid-token", 401);
        var e = await Assert.ThrowsAsync<GeResAuthenticationException>(() => h.Client.Me.UsageAsync());
        Assert.Equal("invalid-token", e.ProblemName);
        Assert.Equal(2, h.Gateway.Requests.Count);
    }

    [Fact]
    public async Task Fixed_token_is_not_renewed_on_401()
    {
        using var h = new Harness(o => o.Credentials = GeResCredentials.AccessToken("mine"));
        h.Gateway.ThenProblem("invalid-token", 401);
        await Assert.ThrowsAsync<GeResAuthenticationException>(() => h.Client.Me.UsageAsync());
        Assert.Equal("Bearer mine", Assert.Single(h.Gateway.Requests).Header("Authorization"));
        Assert.Equal(0, h.Gateway.TokenCounter);
    }

    [Fact]
    public async Task Password_login_then_refresh_rotation()
    {
        using var h = new Harness(o => o.Credentials = GeResCredentials.Password("l.bianchi", "pw"));
        h.Gateway.ExpiresIn = 600;
        var usage = new { dailyQuota = 10, used = 1, remaining = 9, day = "2026-05-04", resetsInSeconds = 100 };
        h.Gateway.ThenJson(usage).ThenJson(usage);

        await h.Client.Me.UsageAsync();
        h.Now += TimeSpan.FromSeconds(600);
        await h.Client.Me.UsageAsync();

        Assert.Equal(["/v1/auth/login", "/v1/auth/refresh"], h.Gateway.TokenRequests.Select(t => t.Path));
        Assert.Contains("\"refreshToken\":\"refresh-1\"", h.Gateway.TokenRequests[1].Body);
        Assert.Equal("Bearer token-2", h.Gateway.Requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task Retries_503_waiting_at_least_Retry_After_with_the_same_ids()
    {
        using var h = new Harness();
        h.Gateway.ThenProblem("anpr-unavailable", 503, null, ("Retry-After", "3"));
        h.Gateway.ThenJson(SearchOk, 200, ("Idempotent-Replayed", "true"));
        GeResResponseInfo? info = null;

        await h.Client.Persons.SearchAsync(Query(), new GeResCallOptions { OnResponse = i => info = i });

        Assert.Equal(2, h.Gateway.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(h.Delays));
        var (first, second) = (h.Gateway.Requests[0], h.Gateway.Requests[1]);
        Assert.Equal(first.Header("Idempotency-Key"), second.Header("Idempotency-Key"));
        Assert.Equal(first.Header("X-Request-Id"), second.Header("X-Request-Id"));
        Assert.Equal(first.Header("traceparent"), second.Header("traceparent"));
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(2, info!.Attempts);
        Assert.True(info.IdempotentReplayed);
    }

    [Fact]
    public async Task Backoff_is_jittered_exponential_when_there_is_no_hint()
    {
        using var h = new Harness(o => o.Retry.MaxRetries = 3);
        h.Gateway.ThenProblem("rate-limited", 429).ThenProblem("service-unavailable", 503).ThenProblem("rate-limited", 429).ThenJson(SearchOk);
        await h.Client.Persons.SearchAsync(Query());
        Assert.Equal(3, h.Delays.Count);
        for (var n = 1; n <= 3; n++)
        {
            var ceiling = Math.Min(5000, 500 * Math.Pow(2, n - 1));
            Assert.InRange(h.Delays[n - 1].TotalMilliseconds, ceiling / 2, ceiling);
        }
        Assert.Single(h.Gateway.Requests.Select(r => r.Header("Idempotency-Key")).Distinct());
    }

    [Fact]
    public async Task Gives_up_after_max_retries_with_the_attempt_count()
    {
        using var h = new Harness();
        h.Gateway.ThenProblem("anpr-unavailable", 503).ThenProblem("anpr-unavailable", 503).ThenProblem("anpr-unavailable", 503, new { retryAfterSeconds = 5 });
        var e = await Assert.ThrowsAsync<AnprUnavailableException>(() => h.Client.Persons.SearchAsync(Query()));
        Assert.Equal(3, e.Attempts);
        Assert.Equal(3, h.Gateway.Requests.Count);
        Assert.Equal(5, e.RetryAfterSeconds);
        Assert.Equal(h.Gateway.Requests[0].Header("Idempotency-Key"), e.IdempotencyKey);
    }

    [Fact]
    public async Task Quota_with_a_long_Retry_After_is_thrown_at_once()
    {
        using var h = new Harness();
        h.Gateway.ThenProblem("quota-exceeded", 429, new { retryAfterSeconds = 36000 }, ("Retry-After", "36000"));
        var e = await Assert.ThrowsAsync<QuotaExceededException>(() => h.Client.Persons.SearchAsync(Query()));
        Assert.Single(h.Gateway.Requests);
        Assert.Empty(h.Delays);
        Assert.Equal(36000, e.RetryAfterSeconds);
        Assert.IsAssignableFrom<RateLimitedException>(e);
    }

    [Theory]
    [InlineData(403, "forbidden-by-profile")]
    [InlineData(400, "invalid-criteria")]
    [InlineData(500, "internal-error")]
    [InlineData(502, "anpr-rejected")]
    [InlineData(404, "subject-not-found")]
    public async Task Does_not_retry_other_refusals(int status, string name)
    {
        using var h = new Harness();
        h.Gateway.ThenProblem(name, status);
        var e = await Assert.ThrowsAnyAsync<GeResException>(() => h.Client.Persons.SearchAsync(Query()));
        Assert.Single(h.Gateway.Requests);
        Assert.Empty(h.Delays);
        Assert.Equal(status, e.Status);
        Assert.Equal(1, e.Attempts);
    }

    [Fact]
    public async Task Forbidden_by_profile_carries_rule_problem_and_the_gateway_request_id()
    {
        using var h = new Harness();
        h.Gateway.ThenProblem("forbidden-by-profile", 403, new { rule = "profile.sections" }, ("X-Request-Id", "gw-req-403"));
        var e = await Assert.ThrowsAsync<ForbiddenByProfileException>(() => h.Client.Persons.SearchAsync(Query()));
        Assert.Equal("gw-req-403", e.RequestId);
        Assert.Equal("profile.sections", e.Rule);
        Assert.Equal("urn:geres:problem:forbidden-by-profile", e.Type);
        Assert.Equal("detail of forbidden-by-profile", e.Detail);
        Assert.Equal("profile.sections", e.Problem!.Raw.GetProperty("rule").GetString());
        Assert.Contains("request gw-req-403", e.Message);
        Assert.IsAssignableFrom<GeResPermissionException>(e);
    }

    [Theory]
    [InlineData("subject-not-found", 404, typeof(SubjectNotFoundException))]
    [InlineData("more-than-one-subject", 422, typeof(MoreThanOneSubjectException))]
    [InlineData("invalid-criteria", 400, typeof(InvalidCriteriaException))]
    [InlineData("validation-failed", 400, typeof(GeResValidationException))]
    [InlineData("forbidden-by-profile", 403, typeof(ForbiddenByProfileException))]
    [InlineData("comune-not-agreed", 403, typeof(ComuneNotAgreedException))]
    [InlineData("workstation-not-authorised", 403, typeof(WorkstationNotAuthorisedException))]
    [InlineData("operator-required", 403, typeof(GeResPermissionException))]
    [InlineData("quota-exceeded", 429, typeof(QuotaExceededException))]
    [InlineData("rate-limited", 429, typeof(RateLimitedException))]
    [InlineData("anpr-unavailable", 503, typeof(AnprUnavailableException))]
    [InlineData("anpr-rejected", 502, typeof(AnprRejectedException))]
    [InlineData("unauthenticated", 401, typeof(GeResAuthenticationException))]
    [InlineData("account-locked", 423, typeof(GeResAuthenticationException))]
    [InlineData("idempotency-key-reused", 422, typeof(IdempotencyKeyReusedException))]
    [InlineData("idempotency-in-progress", 409, typeof(ConflictException))]
    [InlineData("not-found", 404, typeof(NotFoundException))]
    [InlineData("some-future-type", 403, typeof(GeResPermissionException))]
    [InlineData("some-future-type", 418, typeof(GeResException))]
    [InlineData("some-future-type", 507, typeof(GeResServerException))]
    public async Task Maps_problem_types_to_exceptions(string name, int status, Type expected)
    {
        using var h = new Harness(o => o.Retry.MaxRetries = 0);
        h.Gateway.ThenProblem(name, status, new { errors = new[] { new { field = "criterion.codiceFiscale", message = "not valid" } } });
        var e = await Assert.ThrowsAnyAsync<GeResException>(() => h.Client.Persons.SearchAsync(Query()));
        Assert.Equal(expected, e.GetType());
        Assert.Equal(name, e.ProblemName);
        // Without an X-Request-Id in the answer, the id the SDK sent (as the TypeScript SDK does).
        Assert.Equal(h.Gateway.Requests[0].Header("X-Request-Id"), e.RequestId);
        Assert.Equal("req-from-body", e.Problem!.RequestId);
        if (e is GeResValidationException v) Assert.Equal("criterion.codiceFiscale", Assert.Single(v.Errors).Field);
    }

    [Fact]
    public async Task A_refusal_that_is_not_a_problem_document_maps_by_status()
    {
        using var h = new Harness();
        h.Gateway.Then(_ => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound) { Content = new StringContent("Cannot GET /v1/nothing") });
        var e = await Assert.ThrowsAsync<NotFoundException>(() => h.Client.Me.UsageAsync());
        Assert.Null(e.Problem);
        Assert.Contains("Cannot GET", e.Message);
        Assert.Equal(h.Gateway.Requests[0].Header("X-Request-Id"), e.RequestId);
    }

    [Fact]
    public async Task Connection_errors_are_retried_then_thrown()
    {
        using var h = new Harness(o => o.Retry.MaxRetries = 1);
        h.Gateway.Then((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")));
        h.Gateway.Then((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")));
        var e = await Assert.ThrowsAsync<GeResConnectionException>(() => h.Client.Persons.SearchAsync(Query()));
        Assert.Equal(2, h.Gateway.Requests.Count);
        Assert.Single(h.Delays);
        Assert.Equal(2, e.Attempts);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.NotNull(e.IdempotencyKey);
    }

    [Fact]
    public async Task Connection_error_then_success()
    {
        using var h = new Harness();
        h.Gateway.Then((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("reset")));
        h.Gateway.ThenJson(SearchOk);
        var result = await h.Client.Persons.SearchAsync(Query());
        Assert.Equal("op-1", result.AnprOperationId);
        Assert.Equal(h.Gateway.Requests[0].Header("Idempotency-Key"), h.Gateway.Requests[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task Timeout_throws_GeResTimeoutException_and_is_not_retried()
    {
        using var h = new Harness(o => o.Timeout = TimeSpan.FromMilliseconds(100));
        h.Gateway.Then(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return FakeGateway.Json(200, SearchOk);
        });
        var started = DateTime.UtcNow;
        var e = await Assert.ThrowsAsync<GeResTimeoutException>(() => h.Client.Persons.SearchAsync(Query()));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Single(h.Gateway.Requests);
        Assert.Empty(h.Delays);
        Assert.Equal(1, e.Attempts);
        Assert.NotNull(e.RequestId);
    }

    [Fact]
    public async Task Per_call_timeout_overrides_the_client_one()
    {
        using var h = new Harness(o => o.Timeout = TimeSpan.FromSeconds(30));
        h.Gateway.Then(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return FakeGateway.Json(200, SearchOk);
        });
        await Assert.ThrowsAsync<GeResTimeoutException>(() => h.Client.Persons.SearchAsync(Query(), new GeResCallOptions { Timeout = TimeSpan.FromMilliseconds(50) }));
    }

    [Fact]
    public async Task Caller_cancellation_is_an_OperationCanceledException()
    {
        using var h = new Harness();
        h.Gateway.Then(async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return FakeGateway.Json(200, SearchOk);
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Client.Persons.SearchAsync(Query(), cancellationToken: cts.Token));
        Assert.Single(h.Gateway.Requests);
    }

    [Fact]
    public async Task Call_options_override_operator_workstation_ids_and_add_headers()
    {
        using var h = new Harness();
        h.Gateway.ThenJson(SearchOk).ThenJson(SearchOk);
        const string traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var scoped = h.Client.WithOptions(new GeResCallOptions { Operator = "g.verdi", Headers = new Dictionary<string, string> { ["X-Custom"] = "1" } });
        await scoped.Persons.SearchAsync(Query(), new GeResCallOptions { RequestId = "my-req-1", IdempotencyKey = "my-key-1", Traceparent = traceparent });
        await h.Client.Persons.SearchAsync(Query(), new GeResCallOptions { Operator = "", Workstation = WorkstationContext.None });

        var (a, b) = (h.Gateway.Requests[0], h.Gateway.Requests[1]);
        Assert.Equal("g.verdi", a.Header("X-GeRes-Operator"));
        Assert.Equal("1", a.Header("X-Custom"));
        Assert.Equal("my-req-1", a.Header("X-Request-Id"));
        Assert.Equal("my-key-1", a.Header("Idempotency-Key"));
        Assert.Equal(traceparent, a.Header("traceparent"));
        Assert.Null(b.Header("X-GeRes-Operator"));
        Assert.Null(b.Header("X-GeRes-Workstation"));
        Assert.Null(b.Header("X-Custom"));
    }

    [Fact]
    public async Task Generated_operations_go_through_the_same_pipeline()
    {
        using var h = new Harness();
        h.Gateway.ThenJson(new { items = Array.Empty<object>(), page = 1, pageSize = 20, total = 0 });
        var page = await h.Client.Api.Users.ListUsersAsync(page: 1);
        var r = Assert.Single(h.Gateway.Requests);
        Assert.StartsWith("/v1/users", r.Path);
        Assert.Equal("Bearer token-1", r.Header("Authorization"));
        Assert.Equal("m.rossi", r.Header("X-GeRes-Operator"));
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Invalid_traceparent_is_refused_before_sending()
    {
        using var h = new Harness();
        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.Persons.SearchAsync(Query(), new GeResCallOptions { Traceparent = "00-0-0-01" }));
        Assert.Empty(h.Gateway.Requests);
    }

    [Fact]
    public async Task Invalid_client_on_the_token_endpoint_is_an_authentication_exception()
    {
        var gateway = new RefusingTokenEndpoint();
        using var client = new GeResClient(new GeResClientOptions
        {
            BaseUrl = new Uri("http://gateway.test"),
            Credentials = GeResCredentials.ClientCredentials("app", "wrong"),
            PrimaryHandler = gateway,
        });
        var e = await Assert.ThrowsAsync<GeResAuthenticationException>(() => client.Me.UsageAsync());
        Assert.Equal("invalid-client", e.ProblemName);
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new GeResClient(new GeResClientOptions { Credentials = GeResCredentials.AccessToken("t") }));
        Assert.Throws<ArgumentException>(() => new GeResClient(new GeResClientOptions { BaseUrl = new Uri("http://x") }));
        Assert.Throws<ArgumentException>(() => new GeResClient(new GeResClientOptions { BaseUrl = new Uri("http://x"), Credentials = GeResCredentials.ClientCredentials("", "") }));
    }

    [Fact]
    public async Task AddGeResClient_registers_a_typed_client_with_the_pipeline()
    {
        var gateway = new FakeGateway();
        gateway.ThenJson(new { dailyQuota = 10, used = 4, remaining = 6, day = "2026-05-04", resetsInSeconds = 100 });
        var services = new ServiceCollection();
        services.AddGeResClient(o =>
        {
            o.BaseUrl = new Uri("http://gateway.test/");
            o.Credentials = GeResCredentials.ClientCredentials("app-1", "secret-1");
            o.Operator = "m.rossi";
        }).ConfigurePrimaryHttpMessageHandler(() => gateway);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<GeResClient>();
        var usage = await client.Me.UsageAsync();

        Assert.Equal(4, usage.Used);
        var r = Assert.Single(gateway.Requests);
        Assert.Equal("/v1/me/usage", r.Path);
        Assert.Equal("Bearer token-1", r.Header("Authorization"));
        Assert.Equal("m.rossi", r.Header("X-GeRes-Operator"));
    }

    private sealed class RefusingTokenEndpoint : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(FakeGateway.Problem("invalid-client", 401));
    }
}
