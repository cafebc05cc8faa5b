namespace GeRes.Client;

/// <summary>
/// When a failed attempt is sent again; the same rule in the TypeScript, .NET and Java SDKs (their
/// READMEs, and the parity suite, say so).
/// <list type="bullet">
/// <item>Only a request that can be repeated without doing twice what it does once: a GET, HEAD or
/// OPTIONS, a request carrying an Idempotency-Key (the SDK adds one to the lookups, whose keys the
/// gateway honours), or a token request (it only issues another token).</item>
/// <item>Only a failure that may pass: a connection error before any answer; 409
/// <c>idempotency-in-progress</c>; 429 except <c>quota-exceeded</c> (its Retry-After is Italian
/// midnight); 502 except <c>anpr-rejected</c> (no repeat changes ANPR's refusal of the gateway's
/// credentials); 503; 504.</item>
/// </list>
/// Never a timeout (the gateway may still be working, and the caller bounded the wait), a 500
/// (<c>internal-error</c> is a fault of the gateway), nor any other 4xx.
/// </summary>
internal static class RetryRule
{
    /// <summary>POST paths where the gateway stores the answer under the Idempotency-Key: the SDK adds a key to these.</summary>
    public static readonly IReadOnlySet<string> KeyedPostPaths = new HashSet<string>(StringComparer.Ordinal) { "/v1/persons/search" };

    private static readonly HashSet<string> SafeMethods = new(StringComparer.Ordinal) { "GET", "HEAD", "OPTIONS" };

    /// <summary>Whether the SDK adds an Idempotency-Key of its own to this request (<paramref name="path"/> below the base URL).</summary>
    public static bool WantsIdempotencyKey(string method, string path) => method == "POST" && KeyedPostPaths.Contains(path);

    /// <summary>Whether sending the request again cannot do twice what it does once.</summary>
    public static bool IsRepeatable(string method, string? idempotencyKey, bool repeatable) =>
        repeatable || SafeMethods.Contains(method) || idempotencyKey is not null;

    /// <summary>Whether an answer with this status and problem type (its short name, or null) may succeed if sent again.</summary>
    public static bool IsTransientAnswer(int status, string? problemName) => status switch
    {
        409 => problemName == "idempotency-in-progress",
        429 => problemName != "quota-exceeded",
        502 => problemName != "anpr-rejected",
        503 or 504 => true,
        _ => false,
    };
}
