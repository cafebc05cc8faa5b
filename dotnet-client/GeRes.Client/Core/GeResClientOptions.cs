using Microsoft.Extensions.Logging;

namespace GeRes.Client;

/// <summary>The workstation a call comes from: <c>X-GeRes-Workstation</c> and <c>X-GeRes-Device-Token</c>.</summary>
/// <param name="Code">The workstation code (ANPR IdPostazione), e.g. <c>072006-CS-0001</c>.</param>
/// <param name="DeviceToken">The device token issued when the workstation was registered, if any.</param>
public sealed record WorkstationContext(string Code, string? DeviceToken = null)
{
    /// <summary>Sends no workstation headers (for a call that must not inherit the client's workstation).</summary>
    public static WorkstationContext None { get; } = new(string.Empty);
}

/// <summary>Backoff settings for retries on connection errors, 429 and 503.</summary>
public sealed class GeResRetryPolicy
{
    /// <summary>Retries after the first attempt. Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff delay; it doubles on each retry, with jitter. Default 500 ms.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest backoff delay. Default 5 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A <c>Retry-After</c> longer than this is not waited for: the exception is thrown at once (a daily
    /// quota that resets at midnight is not worth blocking on). Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>How the client authenticates. Use one of the factory methods.</summary>
public abstract class GeResCredentials
{
    private protected GeResCredentials() { }

    /// <summary>An application: the OAuth2 client-credentials grant (<c>POST /v1/oauth/token</c>); the token is renewed before it expires.</summary>
    public static GeResCredentials ClientCredentials(string clientId, string clientSecret) => new ClientCredentialsCredentials(clientId, clientSecret);

    /// <summary>A person: login (<c>POST /v1/auth/login</c>), then refresh-token rotation (<c>/v1/auth/refresh</c>).</summary>
    public static GeResCredentials Password(string username, string password) => new PasswordCredentials(username, password);

    /// <summary>A token you manage yourself. A fixed string is never renewed.</summary>
    public static GeResCredentials AccessToken(string accessToken) => new AccessTokenCredentials(_ => new ValueTask<string>(accessToken), renewable: false);

    /// <summary>A function that returns the current token; after a <c>401 invalid-token</c> it is asked again once.</summary>
    public static GeResCredentials AccessToken(Func<CancellationToken, ValueTask<string>> accessToken) => new AccessTokenCredentials(accessToken, renewable: true);

    internal abstract IGeResTokenProvider CreateProvider();

    internal abstract void Validate();
}

internal sealed class ClientCredentialsCredentials(string clientId, string clientSecret) : GeResCredentials
{
    public string ClientId { get; } = clientId;
    public string ClientSecret { get; } = clientSecret;
    internal override IGeResTokenProvider CreateProvider() => new ClientCredentialsTokenProvider(ClientId, ClientSecret);
    internal override void Validate()
    {
        if (string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret))
            throw new ArgumentException("The client id and the client secret are both required.");
    }
}

internal sealed class PasswordCredentials(string username, string password) : GeResCredentials
{
    public string Username { get; } = username;
    public string Secret { get; } = password;
    internal override IGeResTokenProvider CreateProvider() => new PasswordTokenProvider(Username, Secret);
    internal override void Validate()
    {
        if (string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Secret))
            throw new ArgumentException("The username and the password are both required.");
    }
}

internal sealed class AccessTokenCredentials(Func<CancellationToken, ValueTask<string>> accessToken, bool renewable) : GeResCredentials
{
    internal override IGeResTokenProvider CreateProvider() => new FixedTokenProvider(accessToken, renewable);
    internal override void Validate() { }
}

/// <summary>Settings of a <see cref="GeResClient"/>.</summary>
public sealed class GeResClientOptions
{
    /// <summary>The gateway, e.g. <c>http://127.0.0.1:3000</c> for the sandbox. Required.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How to authenticate. Required.</summary>
    public GeResCredentials? Credentials { get; set; }

    /// <summary>Applications: the operator acted for (<c>X-GeRes-Operator</c>), unless a call names another.</summary>
    public string? Operator { get; set; }

    /// <summary>The workstation calls come from, unless a call names another.</summary>
    public WorkstationContext? Workstation { get; set; }

    /// <summary>Bounds each attempt, reading the body included. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries on connection errors, 429 and 503.</summary>
    public GeResRetryPolicy Retry { get; set; } = new();

    /// <summary>Appended to the <c>User-Agent</c>, e.g. <c>protocollo/4.2</c>.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>Receives one entry per attempt, response, retry and re-authentication (never tokens or bodies).</summary>
    public ILogger? Logger { get; set; }

    /// <summary>The innermost HTTP handler; default a new <see cref="SocketsHttpHandler"/>. Tests pass a fake. Ignored by <c>AddGeResClient</c>, which uses the factory's.</summary>
    public HttpMessageHandler? PrimaryHandler { get; set; }

    /// <summary>How to wait between retries (a seam for tests). Default <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; set; }

    /// <summary>The clock used for token expiry and HTTP-date <c>Retry-After</c> (a seam for tests). Default the system clock.</summary>
    public Func<DateTimeOffset>? UtcNow { get; set; }

    internal void Validate()
    {
        if (BaseUrl is null) throw new ArgumentException("BaseUrl is required, e.g. http://127.0.0.1:3000", nameof(BaseUrl));
        if (!BaseUrl.IsAbsoluteUri) throw new ArgumentException("BaseUrl must be absolute, e.g. http://127.0.0.1:3000", nameof(BaseUrl));
        if (Credentials is null) throw new ArgumentException("Credentials are required: GeResCredentials.ClientCredentials(...), .Password(...) or .AccessToken(...)", nameof(Credentials));
        Credentials.Validate();
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan) throw new ArgumentException("Timeout must be positive", nameof(Timeout));
        if (Retry.MaxRetries < 0) throw new ArgumentException("Retry.MaxRetries cannot be negative", nameof(Retry));
    }

    /// <summary>The base URL with a trailing slash, as <see cref="HttpClient.BaseAddress"/> wants it.</summary>
    internal Uri NormalisedBaseUrl => new(BaseUrl!.AbsoluteUri.TrimEnd('/') + "/");
}

/// <summary>
/// Options for the calls made through <see cref="GeResClient.WithOptions"/> or passed to a facade
/// method; each overrides the client's setting for those calls only.
/// </summary>
public sealed record GeResCallOptions
{
    /// <summary>The operator an application acts for (<c>X-GeRes-Operator</c>); an empty string sends none.</summary>
    public string? Operator { get; init; }

    /// <summary><c>X-GeRes-Workstation</c> and <c>X-GeRes-Device-Token</c>; <see cref="WorkstationContext.None"/> sends none.</summary>
    public WorkstationContext? Workstation { get; init; }

    /// <summary>Your own Idempotency-Key. The SDK adds a new UUID v4 to each lookup, reused by its retries; a key you give to any other request makes the SDK retry it too.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Your request id (<c>X-Request-Id</c>, <c>^[A-Za-z0-9._:-]{1,64}$</c>); default a new UUID v4 per call.</summary>
    public string? RequestId { get; init; }

    /// <summary>A W3C <c>traceparent</c> to continue your trace; default the current <see cref="System.Diagnostics.Activity"/>'s, or a new one.</summary>
    public string? Traceparent { get; init; }

    /// <summary>Per-attempt timeout for these calls.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Retries for these calls.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Extra request headers.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Called after each successful answer with what the SDK knows about it (request id, attempts, idempotent replay…).</summary>
    public Action<GeResResponseInfo>? OnResponse { get; init; }

    /// <summary>These options over <paramref name="defaults"/>: each member set here wins.</summary>
    internal GeResCallOptions Over(GeResCallOptions? defaults)
    {
        if (defaults is null) return this;
        Dictionary<string, string>? headers = null;
        if (defaults.Headers is not null || Headers is not null)
        {
            headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in defaults.Headers ?? new Dictionary<string, string>()) headers[k] = v;
            foreach (var (k, v) in Headers ?? new Dictionary<string, string>()) headers[k] = v;
        }
        return new GeResCallOptions
        {
            Operator = Operator ?? defaults.Operator,
            Workstation = Workstation ?? defaults.Workstation,
            IdempotencyKey = IdempotencyKey ?? defaults.IdempotencyKey,
            RequestId = RequestId ?? defaults.RequestId,
            Traceparent = Traceparent ?? defaults.Traceparent,
            Timeout = Timeout ?? defaults.Timeout,
            MaxRetries = MaxRetries ?? defaults.MaxRetries,
            Headers = headers,
            OnResponse = OnResponse ?? defaults.OnResponse,
        };
    }
}

/// <summary>What the SDK knows about a successful answer.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="RequestId">The gateway's request id (<c>X-Request-Id</c>), the one in its logs and audit trail.</param>
/// <param name="IdempotencyKey">The Idempotency-Key sent (a lookup's, or yours).</param>
/// <param name="IdempotentReplayed">True when the gateway replayed a stored answer for the Idempotency-Key.</param>
/// <param name="Traceparent">The <c>traceparent</c> sent.</param>
/// <param name="Attempts">How many times the request was sent (1 without retries).</param>
/// <param name="Headers">The response headers.</param>
public sealed record GeResResponseInfo(
    int Status,
    string RequestId,
    string? IdempotencyKey,
    bool IdempotentReplayed,
    string Traceparent,
    int Attempts,
    IReadOnlyDictionary<string, IEnumerable<string>> Headers);
