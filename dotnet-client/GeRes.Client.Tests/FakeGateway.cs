using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace GeRes.Client.Tests;

/// <summary>A request as the fake saw it (the SDK re-sends the same message, so it is copied).</summary>
public sealed record SeenRequest(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A fake primary handler: answers the token endpoint itself (counting token requests) and hands
/// every other request to the next scripted responder.
/// </summary>
public sealed class FakeGateway : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    public List<SeenRequest> Requests { get; } = [];
    public List<SeenRequest> TokenRequests { get; } = [];
    public int TokenCounter { get; private set; }
    public int ExpiresIn { get; set; } = 900;
    /// <summary>When it answers (not null), its answer replaces the token endpoints' for that request.</summary>
    public Func<SeenRequest, HttpResponseMessage?>? TokenFault { get; set; }

    public FakeGateway Then(Func<SeenRequest, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    public FakeGateway Then(Func<SeenRequest, HttpResponseMessage> responder) => Then((r, _) => Task.FromResult(responder(r)));

    public FakeGateway ThenJson(object body, int status = 200, params (string, string)[] headers) => Then(_ => Json(status, body, headers));

    public FakeGateway ThenProblem(string name, int status, object? extensions = null, params (string, string)[] headers) => Then(_ => Problem(name, status, extensions, headers));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in request.Headers) headers[k] = string.Join(k.Equals("User-Agent", StringComparison.OrdinalIgnoreCase) ? " " : ",", v);
        string? body = null;
        if (request.Content is not null)
        {
            foreach (var (k, v) in request.Content.Headers) headers[k] = string.Join(",", v);
            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }
        var seen = new SeenRequest(request.Method, request.RequestUri!.PathAndQuery, headers, body);
        if (seen.Path is "/v1/oauth/token" or "/v1/auth/login" or "/v1/auth/refresh")
        {
            lock (TokenRequests) TokenRequests.Add(seen);
            if (TokenFault?.Invoke(seen) is { } fault) return fault;
            TokenCounter++;
            var token = $"token-{TokenCounter}";
            return seen.Path == "/v1/oauth/token"
                ? Json(200, new { access_token = token, token_type = "Bearer", expires_in = ExpiresIn })
                : Json(200, new { accessToken = token, refreshToken = $"refresh-{TokenCounter}", expiresIn = ExpiresIn, tokenType = "Bearer" });
        }
        lock (Requests) Requests.Add(seen);
        if (!_script.TryDequeue(out var responder)) throw new InvalidOperationException($"No scripted answer for {seen.Method} {seen.Path}");
        return await responder(seen, cancellationToken);
    }

    public static HttpResponseMessage Json(int status, object body, params (string, string)[] headers) =>
        Answer(status, JsonSerializer.Serialize(body), "application/json", headers);

    public static HttpResponseMessage Problem(string name, int status, object? extensions = null, params (string, string)[] headers)
    {
        var doc = new Dictionary<string, object?>
        {
            ["type"] = $"urn:geres:problem:{name}",
            ["title"] = $"title of {name}",
            ["status"] = status,
            ["detail"] = $"detail of {name}",
            ["requestId"] = "req-from-body",
        };
        if (extensions is not null)
            foreach (var p in extensions.GetType().GetProperties()) doc[p.Name] = p.GetValue(extensions);
        return Answer(status, JsonSerializer.Serialize(doc), "application/problem+json", headers);
    }

    private static HttpResponseMessage Answer(int status, string body, string mediaType, (string, string)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        foreach (var (k, v) in headers) response.Headers.TryAddWithoutValidation(k, v);
        return response;
    }
}

/// <summary>A client over a <see cref="FakeGateway"/>, with recorded (not real) delays and a settable clock.</summary>
public sealed class Harness : IDisposable
{
    public FakeGateway Gateway { get; } = new();
    public List<TimeSpan> Delays { get; } = [];
    public DateTimeOffset Now { get; set; } = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    public GeResClient Client { get; }

    public Harness(Action<GeResClientOptions>? configure = null)
    {
        var options = new GeResClientOptions
        {
            BaseUrl = new Uri("http://gateway.test"),
            Credentials = GeResCredentials.ClientCredentials("app-1", "secret-1"),
            Operator = "m.rossi",
            Workstation = new WorkstationContext("072006-CS-0001", "device-1"),
            PrimaryHandler = Gateway,
            Delay = (d, _) =>
            {
                lock (Delays) Delays.Add(d);
                return Task.CompletedTask;
            },
            UtcNow = () => Now,
        };
        configure?.Invoke(options);
        Client = new GeResClient(options);
    }

    public void Dispose() => Client.Dispose();
}
