using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace GeRes.Client;

/// <summary>What the handlers of one client share: options, token provider, logger, seams.</summary>
internal sealed class GeResPipeline
{
    public GeResPipeline(GeResClientOptions options)
    {
        options.Validate();
        Options = options;
        BaseUrl = options.NormalisedBaseUrl;
        Tokens = options.Credentials!.CreateProvider();
        UserAgent = Ids.UserAgent(options.UserAgentSuffix);
        Delay = options.Delay ?? ((d, ct) => Task.Delay(d, ct));
        UtcNow = options.UtcNow ?? (() => DateTimeOffset.UtcNow);
    }

    public GeResClientOptions Options { get; }
    public Uri BaseUrl { get; }
    public IGeResTokenProvider Tokens { get; }
    public string UserAgent { get; }
    public Func<TimeSpan, CancellationToken, Task> Delay { get; }
    public Func<DateTimeOffset> UtcNow { get; }
    private ILogger? Logger => Options.Logger;

    /// <summary>The handlers, outermost first, for <see cref="GeResClient"/> and for <c>AddGeResClient</c>.</summary>
    public DelegatingHandler[] CreateHandlers() => [new GeResContextHandler(this), new GeResAuthHandler(this), new GeResRetryHandler(this), new GeResTimeoutHandler(this)];

    /// <summary>
    /// Fixes, once per logical call, what every attempt sends alike: request id, traceparent,
    /// Idempotency-Key (lookups, or yours), User-Agent, Accept, and the operator and workstation headers.
    /// </summary>
    public void Stamp(HttpRequestMessage request, GeResRequestState state)
    {
        var call = state.Call;
        var h = request.Headers;
        if (call.Headers is not null)
            foreach (var (k, v) in call.Headers)
            {
                h.Remove(k);
                h.TryAddWithoutValidation(k, v);
            }
        state.RequestId = call.RequestId ?? First(h, "X-Request-Id") ?? Ids.NewUuid();
        state.Traceparent = call.Traceparent ?? First(h, "traceparent") ?? Ids.NewTraceparent();
        if (!Ids.IsValidTraceparent(state.Traceparent)) throw new ArgumentException($"Not a valid W3C traceparent: {state.Traceparent}");
        state.IdempotencyKey = call.IdempotencyKey ?? First(h, "Idempotency-Key")
            ?? (RetryRule.WantsIdempotencyKey(request.Method.Method, PathBelowBase(request.RequestUri)) ? Ids.NewUuid() : null);

        Set(h, "X-Request-Id", state.RequestId);
        Set(h, "traceparent", state.Traceparent);
        if (state.IdempotencyKey is not null) Set(h, "Idempotency-Key", state.IdempotencyKey);
        Set(h, "User-Agent", UserAgent);
        h.Accept.Clear();
        h.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        h.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json", 0.9));
        if (!state.NoContext)
        {
            // A header given for this very call wins over the defaults.
            var op = call.Operator ?? Options.Operator;
            if (!string.IsNullOrEmpty(op) && !h.Contains("X-GeRes-Operator")) h.TryAddWithoutValidation("X-GeRes-Operator", op);
            var ws = call.Workstation ?? Options.Workstation;
            if (ws is not null && !string.IsNullOrEmpty(ws.Code))
            {
                if (!h.Contains("X-GeRes-Workstation")) h.TryAddWithoutValidation("X-GeRes-Workstation", ws.Code);
                if (!string.IsNullOrEmpty(ws.DeviceToken) && !h.Contains("X-GeRes-Device-Token")) h.TryAddWithoutValidation("X-GeRes-Device-Token", ws.DeviceToken);
            }
        }
    }

    public string ResponseRequestId(HttpResponseMessage response, GeResRequestState state) =>
        response.Headers.TryGetValues("X-Request-Id", out var v) && v.FirstOrDefault() is { Length: > 0 } id ? id : state.RequestId;

    public TimeSpan Backoff(int attempt)
    {
        var retry = Options.Retry;
        var ceiling = Math.Min(retry.MaxDelay.TotalMilliseconds, retry.InitialDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Math.Round(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2));
    }

    public void Log(string message, params object?[] args)
    {
        try
        {
#pragma warning disable CA2254 // the templates are constants of this assembly
            Logger?.LogDebug(message, args);
#pragma warning restore CA2254
        }
        catch
        {
            // A failing logger must not fail the call it reports on.
        }
    }

    /// <summary>The request's path below the base URL (<c>/v1/persons/search</c>).</summary>
    private string PathBelowBase(Uri? uri)
    {
        if (uri is null) return "";
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : "/" + uri.OriginalString.TrimStart('/');
        var basePath = BaseUrl.AbsolutePath.TrimEnd('/');
        return basePath.Length > 0 && path.StartsWith(basePath + "/", StringComparison.Ordinal) ? path[basePath.Length..] : path;
    }

    private static string? First(HttpRequestHeaders h, string name) => h.TryGetValues(name, out var v) ? v.FirstOrDefault() : null;

    private static void Set(HttpRequestHeaders h, string name, string value)
    {
        h.Remove(name);
        h.TryAddWithoutValidation(name, value);
    }
}

/// <summary>
/// Outermost: stamps the call's headers (request id, traceparent, Idempotency-Key, User-Agent,
/// operator, workstation), and turns a final refusal into a typed <see cref="GeResException"/>.
/// </summary>
internal sealed class GeResContextHandler(GeResPipeline pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = GeResRequestState.For(request);
        pipeline.Stamp(request, state);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (GeResException e)
        {
            e.IdempotencyKey ??= state.IdempotencyKey;
            if (e.Attempts == 0) e.Attempts = state.Attempts;
            throw;
        }
        var headers = GeResRequestState.Headers(response);
        var requestId = pipeline.ResponseRequestId(response, state);
        if (!response.IsSuccessStatusCode)
        {
            byte[] body;
            using (response) body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw ProblemMapper.FromResponse((int)response.StatusCode, body, headers, requestId, state.IdempotencyKey, state.Attempts);
        }
        var replayed = headers.TryGetValue("Idempotent-Replayed", out var r) && string.Equals(r.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            state.Call.OnResponse?.Invoke(new GeResResponseInfo((int)response.StatusCode, requestId, state.IdempotencyKey, replayed, state.Traceparent, state.Attempts, headers));
        }
        catch
        {
            // An observer must not fail the call it observes.
        }
        return response;
    }
}

/// <summary>
/// Sends the access token. With a renewable source, a <c>401 invalid-token</c> fetches a new token
/// and the call is tried once more (this does not count as a retry).
/// </summary>
internal sealed class GeResAuthHandler(GeResPipeline pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = GeResRequestState.For(request);
        if (state.Anonymous) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        InnerSend inner = (r, ct) => base.SendAsync(r, ct);
        var token = await pipeline.Tokens.GetTokenAsync(pipeline, inner, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !pipeline.Tokens.Renewable) return response;

        // The body was buffered by the timeout handler: reading it here leaves it readable.
        var problem = GeResProblemDetails.TryParse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (problem?.Type != GeResException.ProblemTypePrefix + "invalid-token") return response;

        // The token was refused (revoked, or one side's clock is off): one fresh token, at once.
        pipeline.Log("re-authenticating {Method} {Uri} (request {RequestId})", request.Method, request.RequestUri, state.RequestId);
        pipeline.Tokens.Invalidate(token);
        response.Dispose();
        token = await pipeline.Tokens.GetTokenAsync(pipeline, inner, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Retries what <see cref="RetryRule"/> allows, with exponential backoff and equal jitter, waiting at
/// least the server's <c>Retry-After</c> (or the problem's <c>retryAfterSeconds</c>). Every attempt
/// sends the same request id and Idempotency-Key.
/// </summary>
internal sealed class GeResRetryHandler(GeResPipeline pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = GeResRequestState.For(request);
        var maxRetries = Math.Max(0, state.Call.MaxRetries ?? pipeline.Options.Retry.MaxRetries);
        var repeatable = RetryRule.IsRepeatable(request.Method.Method, state.IdempotencyKey, state.Repeatable);
        var attempt = 0;
        while (true)
        {
            attempt++;
            state.Attempts = attempt;
            pipeline.Log("{Method} {Uri} attempt {Attempt} (request {RequestId})", request.Method, request.RequestUri, attempt, state.RequestId);
            var started = pipeline.UtcNow();
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (GeResConnectionException e) when (e is not GeResTimeoutException && repeatable && attempt <= maxRetries)
            {
                await PauseAsync(request, state, attempt, pipeline.Backoff(attempt), $"connection: {e.InnerException?.Message ?? e.Message}", cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (GeResException e)
            {
                e.Attempts = attempt;
                throw;
            }
            var status = (int)response.StatusCode;
            pipeline.Log("{Method} {Uri} answered {Status} in {ElapsedMs} ms (request {RequestId})", request.Method, request.RequestUri, status, (pipeline.UtcNow() - started).TotalMilliseconds, state.RequestId);
            if (repeatable && status >= 400 && attempt <= maxRetries
                && RetryRule.IsTransientAnswer(status, await ProblemNameAsync(response, cancellationToken).ConfigureAwait(false)))
            {
                var hinted = await RetryAfterAsync(response, cancellationToken).ConfigureAwait(false);
                if (hinted is null || hinted <= pipeline.Options.Retry.MaxRetryAfter)
                {
                    var backoff = pipeline.Backoff(attempt);
                    response.Dispose();
                    await PauseAsync(request, state, attempt, hinted is { } h && h > backoff ? h : backoff, $"HTTP {status}", cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }
            return response;
        }
    }

    /// <summary>The problem type's short name of a refusal (its body is buffered by the timeout handler), or null.</summary>
    private static async Task<string?> ProblemNameAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = GeResProblemDetails.TryParse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        return problem?.Type.StartsWith(GeResException.ProblemTypePrefix, StringComparison.Ordinal) == true ? problem.Type[GeResException.ProblemTypePrefix.Length..] : null;
    }

    private async Task<TimeSpan?> RetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var header = response.Headers.TryGetValues("Retry-After", out var v) ? v.FirstOrDefault() : null;
        var fromHeader = ProblemMapper.ParseRetryAfter(header, pipeline.UtcNow());
        if (fromHeader is not null) return fromHeader;
        var problem = GeResProblemDetails.TryParse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        return problem?.RetryAfterSeconds is { } s && s >= 0 && double.IsFinite(s) ? TimeSpan.FromSeconds(s) : null;
    }

    private Task PauseAsync(HttpRequestMessage request, GeResRequestState state, int attempt, TimeSpan delay, string reason, CancellationToken cancellationToken)
    {
        pipeline.Log("retrying {Method} {Uri} after attempt {Attempt} in {DelayMs} ms: {Reason} (request {RequestId})", request.Method, request.RequestUri, attempt, delay.TotalMilliseconds, reason, state.RequestId);
        return pipeline.Delay(delay, cancellationToken);
    }
}

/// <summary>
/// Innermost: bounds one attempt, reading the body included (the body is buffered), and turns
/// transport failures into <see cref="GeResConnectionException"/> and <see cref="GeResTimeoutException"/>.
/// The caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class GeResTimeoutHandler(GeResPipeline pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = GeResRequestState.For(request);
        var timeout = state.Call.Timeout ?? pipeline.Options.Timeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan) cts.CancelAfter(timeout);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cts.Token).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync().WaitAsync(cts.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new GeResTimeoutException($"No answer from {request.Method} {request.RequestUri} within {timeout.TotalMilliseconds} ms",
                new GeResErrorInfo { RequestId = state.RequestId, IdempotencyKey = state.IdempotencyKey, Attempts = state.Attempts }, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new GeResConnectionException($"Could not reach GeRes at {request.RequestUri}: {e.Message}",
                new GeResErrorInfo { RequestId = state.RequestId, IdempotencyKey = state.IdempotencyKey, Attempts = state.Attempts }, e);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}

internal static class JsonBodies
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}
