using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using GeRes.Client.Generated;

namespace GeRes.Client.Tests;

/// <summary>Which requests and which failures are sent again (<see cref="RetryRule"/>), the same in the three SDKs.</summary>
public class RetryRuleTests
{
    private static readonly object SearchOk = new { requestId = "gw-req-1", anprOperationId = "op-1", comune = "072006", asOf = "2026-05-04", persons = new[] { new { idANPR = "SZ82865K3" } }, warnings = Array.Empty<object>() };
    private static readonly object UsageOk = new { dailyQuota = 10, used = 1, remaining = 9, day = "2026-05-04", resetsInSeconds = 100 };

    private static SearchPersonsDto Query() => new()
    {
        Criterion = new CriterionDto { Type = CriterionDtoType.CodiceFiscale, CodiceFiscale = "NRECLD70B17A662M" },
        Sections = [LookupSection.Generalita],
        Comune = "072006",
        MotivoRichiesta = "Pratica 12/2026",
    };

    private static HttpResponseMessage Plain(int status, string body, string mediaType = "text/plain") =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    public static TheoryData<string> TransientFailures => ["409 idempotency-in-progress", "429 rate-limited", "429 without a problem type", "502 from a proxy", "503 anpr-unavailable", "503 service-unavailable", "504 from a proxy"];

    private static HttpResponseMessage Failure(string what) => what switch
    {
        "409 idempotency-in-progress" => FakeGateway.Problem("idempotency-in-progress", 409),
        "429 rate-limited" => FakeGateway.Problem("rate-limited", 429, new { retryAfterSeconds = 1 }, ("Retry-After", "1")),
        "429 without a problem type" => Plain(429, "slow down"),
        "502 from a proxy" => Plain(502, "<html>Bad gateway</html>", "text/html"),
        "503 anpr-unavailable" => FakeGateway.Problem("anpr-unavailable", 503, new { retryAfterSeconds = 1 }),
        "503 service-unavailable" => FakeGateway.Problem("service-unavailable", 503),
        "504 from a proxy" => Plain(504, ""),
        _ => throw new ArgumentException(what),
    };

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task A_lookup_and_a_GET_are_retried_after(string what)
    {
        using var h = new Harness();
        GeResResponseInfo? search = null, usage = null;
        h.Gateway.Then(_ => Failure(what)).ThenJson(SearchOk).Then(_ => Failure(what)).ThenJson(UsageOk);
        await h.Client.Persons.SearchAsync(Query(), new GeResCallOptions { OnResponse = i => search = i });
        await h.Client.Me.UsageAsync(new GeResCallOptions { OnResponse = i => usage = i });
        Assert.Equal(2, search!.Attempts);
        Assert.Equal(2, usage!.Attempts);
        Assert.Equal(["POST", "POST", "GET", "GET"], h.Gateway.Requests.Select(r => r.Method.Method));
    }

    [Theory]
    [InlineData(409, "conflict")]
    [InlineData(422, "idempotency-key-reused")]
    [InlineData(429, "quota-exceeded")]
    [InlineData(500, "internal-error")]
    [InlineData(502, "anpr-rejected")]
    public async Task Never_retried_neither_a_lookup_nor_a_GET(int status, string name)
    {
        using var h = new Harness();
        // quota-exceeded with a short Retry-After: still not retried, the quota resets at Italian midnight.
        h.Gateway.ThenProblem(name, status, new { retryAfterSeconds = 1 }, ("Retry-After", "1")).ThenProblem(name, status, new { retryAfterSeconds = 1 }, ("Retry-After", "1"));
        Assert.Equal(1, (await Assert.ThrowsAnyAsync<GeResException>(() => h.Client.Persons.SearchAsync(Query()))).Attempts);
        Assert.Equal(1, (await Assert.ThrowsAnyAsync<GeResException>(() => h.Client.Me.UsageAsync())).Attempts);
        Assert.Equal(2, h.Gateway.Requests.Count);
        Assert.Empty(h.Delays);
    }

    [Fact]
    public async Task A_POST_without_an_Idempotency_Key_is_sent_once()
    {
        using var h = new Harness();
        h.Gateway.ThenProblem("service-unavailable", 503);
        h.Gateway.Then((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")));
        var e = await Assert.ThrowsAsync<GeResServerException>(() => h.Client.SendAsync<JsonElement>(HttpMethod.Post, "v1/users", new { username = "n.user" }));
        Assert.Equal(1, e.Attempts);
        Assert.Null(h.Gateway.Requests[0].Header("Idempotency-Key"));
        var refused = await Assert.ThrowsAsync<GeResConnectionException>(() => h.Client.SendAsync<JsonElement>(HttpMethod.Post, "v1/users", new { username = "n.user" }));
        Assert.Equal(1, refused.Attempts);
        Assert.Equal(2, h.Gateway.Requests.Count);
        Assert.Empty(h.Delays);
    }

    [Fact]
    public async Task A_POST_with_your_Idempotency_Key_is_retried()
    {
        using var h = new Harness();
        h.Gateway.ThenProblem("service-unavailable", 503).ThenJson(new { id = "u1" }, 201);
        var user = await h.Client.SendAsync<JsonElement>(HttpMethod.Post, "v1/users", new { username = "n.user" }, new GeResCallOptions { IdempotencyKey = "create-n.user" });
        Assert.Equal("u1", user.GetProperty("id").GetString());
        Assert.Equal(["create-n.user", "create-n.user"], h.Gateway.Requests.Select(r => r.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task The_token_request_is_retried_like_a_GET()
    {
        using var h = new Harness();
        var failures = 1;
        h.Gateway.TokenFault = _ => failures-- > 0 ? FakeGateway.Problem("service-unavailable", 503) : null;
        h.Gateway.ThenJson(SearchOk);
        await h.Client.Persons.SearchAsync(Query());
        Assert.Equal(2, h.Gateway.TokenRequests.Count);
        Assert.Null(h.Gateway.TokenRequests[0].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task A_failed_refresh_is_thrown_as_what_it_is_and_the_next_call_logs_in_again()
    {
        using var h = new Harness(o => o.Credentials = GeResCredentials.Password("l.bianchi", "pw"));
        h.Gateway.ExpiresIn = 600;
        h.Gateway.TokenFault = r => r.Path == "/v1/auth/refresh" ? FakeGateway.Problem("service-unavailable", 503) : null;
        h.Gateway.ThenJson(UsageOk).ThenJson(UsageOk);
        await h.Client.Me.UsageAsync();
        h.Now += TimeSpan.FromSeconds(600);
        var e = await Assert.ThrowsAsync<GeResServerException>(() => h.Client.Me.UsageAsync());
        Assert.Equal(503, e.Status);
        await h.Client.Me.UsageAsync();
        Assert.Equal(["/v1/auth/login", "/v1/auth/refresh", "/v1/auth/login"], h.Gateway.TokenRequests.Select(t => t.Path));
        Assert.Equal("Bearer token-2", h.Gateway.Requests[1].Header("Authorization")); // the second login's token (a failed refresh issues none)
    }

    [Fact]
    public async Task A_refused_refresh_logs_in_again()
    {
        using var h = new Harness(o => o.Credentials = GeResCredentials.Password("l.bianchi", "pw"));
        h.Gateway.ExpiresIn = 600;
        h.Gateway.TokenFault = r => r.Path == "/v1/auth/refresh" ? FakeGateway.Problem("invalid-token", 401) : null;
        h.Gateway.ThenJson(UsageOk).ThenJson(UsageOk);
        await h.Client.Me.UsageAsync();
        h.Now += TimeSpan.FromSeconds(600);
        await h.Client.Me.UsageAsync();
        Assert.Equal(["/v1/auth/login", "/v1/auth/refresh", "/v1/auth/login"], h.Gateway.TokenRequests.Select(t => t.Path));
        Assert.Equal("Bearer token-2", h.Gateway.Requests[1].Header("Authorization")); // the second login's token (a refused refresh issues none)
    }
}
