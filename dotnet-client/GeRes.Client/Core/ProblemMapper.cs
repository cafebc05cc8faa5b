using System.Globalization;
using System.Text;

namespace GeRes.Client;

/// <summary>Turns a refused answer into a typed exception: by problem type first, by HTTP status otherwise.</summary>
internal static class ProblemMapper
{
    private delegate GeResException Factory(string message, GeResErrorInfo info);

    private static readonly Dictionary<string, Factory> ByType = new(StringComparer.Ordinal)
    {
        ["validation-failed"] = (m, i) => new GeResValidationException(m, i),
        ["bad-request"] = (m, i) => new GeResValidationException(m, i),
        ["invalid-grant"] = (m, i) => new GeResValidationException(m, i),
        ["weak-password"] = (m, i) => new GeResValidationException(m, i),
        ["import-failed"] = (m, i) => new GeResValidationException(m, i),
        ["unsupported-media-type"] = (m, i) => new GeResValidationException(m, i),
        ["payload-too-large"] = (m, i) => new GeResValidationException(m, i),
        ["invalid-criteria"] = (m, i) => new InvalidCriteriaException(m, i),
        ["unauthenticated"] = (m, i) => new GeResAuthenticationException(m, i),
        ["invalid-credentials"] = (m, i) => new GeResAuthenticationException(m, i),
        ["invalid-token"] = (m, i) => new GeResAuthenticationException(m, i),
        ["invalid-client"] = (m, i) => new GeResAuthenticationException(m, i),
        ["account-locked"] = (m, i) => new GeResAuthenticationException(m, i),
        ["account-suspended"] = (m, i) => new GeResPermissionException(m, i),
        ["password-change-required"] = (m, i) => new GeResPermissionException(m, i),
        ["operator-required"] = (m, i) => new GeResPermissionException(m, i),
        ["operator-not-allowed"] = (m, i) => new GeResPermissionException(m, i),
        ["forbidden"] = (m, i) => new GeResPermissionException(m, i),
        ["grant-exceeds-own"] = (m, i) => new GeResPermissionException(m, i),
        ["forbidden-by-profile"] = (m, i) => new ForbiddenByProfileException(m, i),
        ["comune-not-agreed"] = (m, i) => new ComuneNotAgreedException(m, i),
        ["workstation-not-authorised"] = (m, i) => new WorkstationNotAuthorisedException(m, i),
        ["not-found"] = (m, i) => new NotFoundException(m, i),
        ["subject-not-found"] = (m, i) => new SubjectNotFoundException(m, i),
        ["more-than-one-subject"] = (m, i) => new MoreThanOneSubjectException(m, i),
        ["conflict"] = (m, i) => new ConflictException(m, i),
        ["idempotency-in-progress"] = (m, i) => new ConflictException(m, i),
        ["idempotency-key-reused"] = (m, i) => new IdempotencyKeyReusedException(m, i),
        ["rate-limited"] = (m, i) => new RateLimitedException(m, i),
        ["quota-exceeded"] = (m, i) => new QuotaExceededException(m, i),
        ["internal-error"] = (m, i) => new GeResServerException(m, i),
        ["service-unavailable"] = (m, i) => new GeResServerException(m, i),
        ["anpr-unavailable"] = (m, i) => new AnprUnavailableException(m, i),
        ["anpr-rejected"] = (m, i) => new AnprRejectedException(m, i),
    };

    /// <summary>Whether this SDK has a class of its own for the problem type (its short name).</summary>
    public static bool KnowsProblemType(string name) => ByType.ContainsKey(name);

    private static Factory ForStatus(int status) => status switch
    {
        400 or 413 or 415 or 422 => (m, i) => new GeResValidationException(m, i),
        401 or 423 => (m, i) => new GeResAuthenticationException(m, i),
        403 => (m, i) => new GeResPermissionException(m, i),
        404 => (m, i) => new NotFoundException(m, i),
        409 => (m, i) => new ConflictException(m, i),
        429 => (m, i) => new RateLimitedException(m, i),
        >= 500 => (m, i) => new GeResServerException(m, i),
        _ => (m, i) => new GeResException(m, i),
    };

    /// <summary>The exception for a refused answer whose body has been read into <paramref name="body"/>.</summary>
    public static GeResException FromResponse(int status, byte[] body, IReadOnlyDictionary<string, IEnumerable<string>> headers, string? requestId, string? idempotencyKey, int attempts)
    {
        var problem = GeResProblemDetails.TryParse(body);
        var name = problem?.Type.StartsWith(GeResException.ProblemTypePrefix, StringComparison.Ordinal) == true ? problem.Type[GeResException.ProblemTypePrefix.Length..] : null;
        var factory = name is not null && ByType.TryGetValue(name, out var f) ? f : ForStatus(status);
        string what;
        if (problem is not null) what = problem.Detail ?? problem.Title ?? $"HTTP {status}";
        else if (body.Length > 0) what = Truncate(Encoding.UTF8.GetString(body), 200);
        else what = $"HTTP {status}";
        requestId ??= problem?.RequestId;
        var message = $"{what} ({name ?? $"HTTP {status}"}{(requestId is null ? "" : $", request {requestId}")})";
        return factory(message, new GeResErrorInfo { Status = status, Problem = problem, RequestId = requestId, Headers = headers, IdempotencyKey = idempotencyKey, Attempts = attempts });
    }

    public static double? RetryAfterSeconds(GeResException e)
    {
        if (e.Problem?.RetryAfterSeconds is { } s) return s;
        var header = e.Headers.TryGetValue("Retry-After", out var v) ? v.FirstOrDefault() : null;
        var delay = ParseRetryAfter(header, DateTimeOffset.UtcNow);
        return delay is null ? null : Math.Ceiling(delay.Value.TotalSeconds);
    }

    /// <summary><c>Retry-After</c> as delta-seconds or an HTTP date, as a delay from <paramref name="now"/>.</summary>
    public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (v.All(char.IsAsciiDigit) && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParseExact(v, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at > now ? at - now : TimeSpan.Zero;
        return null;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
