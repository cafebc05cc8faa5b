using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GeRes.Client;

/// <summary>Sends a request through the inner part of the pipeline (retries and timeouts, no auth).</summary>
internal delegate Task<HttpResponseMessage> InnerSend(HttpRequestMessage request, CancellationToken cancellationToken);

/// <summary>Supplies access tokens to <see cref="GeResAuthHandler"/>.</summary>
internal interface IGeResTokenProvider
{
    /// <summary>Whether a new token can be had after a 401 (false for a fixed token).</summary>
    bool Renewable { get; }

    ValueTask<string> GetTokenAsync(GeResPipeline pipeline, InnerSend send, CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="token"/> so that the next call obtains another one.</summary>
    void Invalidate(string token);
}

/// <summary>
/// A cached token, renewed ahead of expiry (a tenth of its lifetime, at most a minute), with at most
/// one renewal in flight however many calls wait for it.
/// </summary>
internal abstract class RenewingTokenProvider : IGeResTokenProvider
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    public bool Renewable => true;

    protected abstract Task<(string Token, double ExpiresIn)> ObtainAsync(GeResPipeline pipeline, InnerSend send, CancellationToken cancellationToken);

    public async ValueTask<string> GetTokenAsync(GeResPipeline pipeline, InnerSend send, CancellationToken cancellationToken)
    {
        var token = Volatile.Read(ref _token);
        if (token is not null && pipeline.UtcNow() < _renewAt) return token;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && pipeline.UtcNow() < _renewAt) return _token;
            var (value, expiresIn) = await ObtainAsync(pipeline, send, cancellationToken).ConfigureAwait(false);
            var lifetime = TimeSpan.FromSeconds(Math.Max(1, expiresIn));
            var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, lifetime.Ticks / 10));
            _renewAt = pipeline.UtcNow() + lifetime - margin;
            Volatile.Write(ref _token, value);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(string token) => Interlocked.CompareExchange(ref _token, null, token);

    /// <summary>POSTs JSON to <paramref name="path"/> without a token and reads the JSON answer.</summary>
    /// <param name="repeatable">Whether the request may be sent again after a transient failure (see <see cref="RetryRule"/>).</param>
    protected static async Task<T> PostAsync<T>(GeResPipeline pipeline, InnerSend send, string path, object body, bool context, bool repeatable, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(pipeline.BaseUrl, path))
        {
            Content = JsonContent.Create(body, body.GetType(), options: TokenJson.Options),
        };
        var state = GeResRequestState.For(request);
        state.Anonymous = true;
        state.NoContext = !context;
        state.Repeatable = repeatable;
        pipeline.Stamp(request, state);
        using var response = await send(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw ProblemMapper.FromResponse((int)response.StatusCode, bytes, GeResRequestState.Headers(response), pipeline.ResponseRequestId(response, state), state.IdempotencyKey, state.Attempts);
        return JsonSerializer.Deserialize<T>(bytes, TokenJson.Options) ?? throw new GeResException($"Empty answer from {path}");
    }
}

internal static class TokenJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
}

internal sealed class ClientCredentialsTokenProvider(string clientId, string clientSecret) : RenewingTokenProvider
{
    private sealed record Answer([property: JsonPropertyName("access_token")] string AccessToken, [property: JsonPropertyName("expires_in")] double ExpiresIn);

    protected override async Task<(string, double)> ObtainAsync(GeResPipeline pipeline, InnerSend send, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret };
        // Repeatable: asking again only issues another token.
        var answer = await PostAsync<Answer>(pipeline, send, "v1/oauth/token", body, context: false, repeatable: true, cancellationToken).ConfigureAwait(false);
        pipeline.Log("token obtained (client credentials), expires in {ExpiresIn} s", answer.ExpiresIn);
        return (answer.AccessToken, answer.ExpiresIn);
    }
}

internal sealed class PasswordTokenProvider(string username, string password) : RenewingTokenProvider
{
    private sealed record Pair(string AccessToken, string RefreshToken, double ExpiresIn);
    private string? _refreshToken;

    protected override async Task<(string, double)> ObtainAsync(GeResPipeline pipeline, InnerSend send, CancellationToken cancellationToken)
    {
        if (_refreshToken is { } refreshToken)
        {
            // A refresh token is single-use: forget it before presenting it, whatever the outcome.
            _refreshToken = null;
            try
            {
                // Not repeatable: a refresh token presented twice closes every session of the login.
                return Accept(await PostAsync<Pair>(pipeline, send, "v1/auth/refresh", new { refreshToken }, context: true, repeatable: false, cancellationToken).ConfigureAwait(false));
            }
            catch (GeResException e) when (IsRefusedRefresh(e))
            {
                // Only a refused refresh token means "log in again"; a network failure or a 5xx
                // propagates as what it is, and the next call logs in afresh.
            }
        }
        // Repeatable: a login sent again only opens another session.
        return Accept(await PostAsync<Pair>(pipeline, send, "v1/auth/login", new { username, password }, context: true, repeatable: true, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The gateway refused the refresh token itself (expired, revoked or already used).</summary>
    internal static bool IsRefusedRefresh(GeResException e) => e.Status switch
    {
        401 => e.ProblemName == "invalid-token",
        400 => e.Problem is { Raw.ValueKind: System.Text.Json.JsonValueKind.Object } p && p.Raw.TryGetProperty("error", out var error)
               && error.ValueKind == System.Text.Json.JsonValueKind.String && error.GetString() == "invalid_grant",
        _ => false,
    };

    private (string, double) Accept(Pair pair)
    {
        _refreshToken = pair.RefreshToken;
        return (pair.AccessToken, pair.ExpiresIn);
    }
}

internal sealed class FixedTokenProvider(Func<CancellationToken, ValueTask<string>> accessToken, bool renewable) : IGeResTokenProvider
{
    public bool Renewable { get; } = renewable;
    public ValueTask<string> GetTokenAsync(GeResPipeline pipeline, InnerSend send, CancellationToken cancellationToken) => accessToken(cancellationToken);
    public void Invalidate(string token) { }
}
