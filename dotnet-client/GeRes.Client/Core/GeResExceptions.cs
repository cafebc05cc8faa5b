using System.Text.Json;

namespace GeRes.Client;

/// <summary>One field (or row) a problem document refuses.</summary>
/// <param name="Field">The field, if the problem names one.</param>
/// <param name="Message">What is wrong with it.</param>
/// <param name="Row">The row, for imports.</param>
public sealed record GeResFieldError(string? Field, string Message, int? Row);

/// <summary>
/// An RFC 9457 problem document as the gateway sends it (<c>application/problem+json</c>), extension
/// members included in <see cref="Raw"/>.
/// </summary>
public sealed class GeResProblemDetails
{
    /// <summary>The problem type, e.g. <c>urn:geres:problem:subject-not-found</c>.</summary>
    public string Type { get; init; } = "about:blank";
    /// <summary>A short summary of the type (do not match on it).</summary>
    public string? Title { get; init; }
    /// <summary>The HTTP status.</summary>
    public int? Status { get; init; }
    /// <summary>What happened this time (do not match on it).</summary>
    public string? Detail { get; init; }
    /// <summary>The request path.</summary>
    public string? Instance { get; init; }
    /// <summary>The gateway's request id.</summary>
    public string? RequestId { get; init; }
    /// <summary>The check that refused (403 problems), as in the audit trail.</summary>
    public string? Rule { get; init; }
    /// <summary>When trying again makes sense (429 and 503 problems).</summary>
    public double? RetryAfterSeconds { get; init; }
    /// <summary>The fields or rows refused (400, 415 and 422 problems).</summary>
    public IReadOnlyList<GeResFieldError> Errors { get; init; } = [];
    /// <summary>The whole document.</summary>
    public JsonElement Raw { get; init; }

    /// <summary>The document in <paramref name="body"/>, or null when it is not a problem document.</summary>
    public static GeResProblemDetails? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return null;
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String) return null;
            var errors = new List<GeResFieldError>();
            if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var e in list.EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Object) continue;
                    errors.Add(new GeResFieldError(String(e, "field"), String(e, "message") ?? string.Empty, e.TryGetProperty("row", out var row) && row.TryGetInt32(out var r) ? r : null));
                }
            }
            return new GeResProblemDetails
            {
                Type = type.GetString()!,
                Title = String(root, "title"),
                Status = root.TryGetProperty("status", out var s) && s.TryGetInt32(out var status) ? status : null,
                Detail = String(root, "detail"),
                Instance = String(root, "instance"),
                RequestId = String(root, "requestId"),
                Rule = String(root, "rule"),
                RetryAfterSeconds = root.TryGetProperty("retryAfterSeconds", out var ra) && ra.ValueKind == JsonValueKind.Number ? ra.GetDouble() : null,
                Errors = errors,
                Raw = root.Clone(),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>
/// The base of every exception the SDK throws for a refused or failed call. Match on the subclass
/// or on <see cref="Type"/>, never on <see cref="Title"/> or <see cref="Detail"/>; quote
/// <see cref="RequestId"/> when reporting a problem.
/// </summary>
public class GeResException : Exception
{
    /// <summary>The prefix of every GeRes problem type.</summary>
    public const string ProblemTypePrefix = "urn:geres:problem:";

    /// <summary>Creates an exception; the SDK does, from the gateway's answer.</summary>
    public GeResException(string message, GeResErrorInfo? info = null, Exception? innerException = null) : base(message, innerException)
    {
        info ??= new GeResErrorInfo();
        Status = info.Status ?? info.Problem?.Status;
        Problem = info.Problem;
        RequestId = info.RequestId ?? info.Problem?.RequestId;
        Headers = info.Headers ?? new Dictionary<string, IEnumerable<string>>();
        IdempotencyKey = info.IdempotencyKey;
        Attempts = info.Attempts;
    }

    /// <summary>The HTTP status, when the gateway answered.</summary>
    public int? Status { get; }
    /// <summary>The problem type URN, e.g. <c>urn:geres:problem:subject-not-found</c>.</summary>
    public string? Type => Problem?.Type;
    /// <summary>The problem's title.</summary>
    public string? Title => Problem?.Title;
    /// <summary>The problem's detail.</summary>
    public string? Detail => Problem?.Detail;
    /// <summary>The request id: quote it when reporting a problem (also in the gateway's logs and audit trail).</summary>
    public string? RequestId { get; }
    /// <summary>The full problem document, extension members included.</summary>
    public GeResProblemDetails? Problem { get; }
    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
    /// <summary>The Idempotency-Key sent (a lookup's, or yours): reuse it to retry safely yourself.</summary>
    public string? IdempotencyKey { get; internal set; }
    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; internal set; }

    /// <summary>The short name of the problem type (<c>subject-not-found</c>), if any.</summary>
    public string? ProblemName => Type is { } t && t.StartsWith(ProblemTypePrefix, StringComparison.Ordinal) ? t[ProblemTypePrefix.Length..] : null;
}

/// <summary>What a <see cref="GeResException"/> is made of.</summary>
public sealed record GeResErrorInfo
{
    /// <summary>The HTTP status.</summary>
    public int? Status { get; init; }
    /// <summary>The problem document.</summary>
    public GeResProblemDetails? Problem { get; init; }
    /// <summary>The request id.</summary>
    public string? RequestId { get; init; }
    /// <summary>The response headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>>? Headers { get; init; }
    /// <summary>The Idempotency-Key sent.</summary>
    public string? IdempotencyKey { get; init; }
    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; init; }
}

/// <summary>400, 413, 415 and 422 refusals of the request's content.</summary>
public class GeResValidationException(string message, GeResErrorInfo? info = null) : GeResException(message, info)
{
    /// <summary>One entry per field (or row) that was refused.</summary>
    public IReadOnlyList<GeResFieldError> Errors => Problem?.Errors ?? [];
}
/// <summary><c>invalid-criteria</c>: the search criteria are not valid.</summary>
public class InvalidCriteriaException(string message, GeResErrorInfo? info = null) : GeResValidationException(message, info);

/// <summary>401 (and 423 <c>account-locked</c>): the token or the credentials.</summary>
public class GeResAuthenticationException(string message, GeResErrorInfo? info = null) : GeResException(message, info);

/// <summary>403: the caller may not do this. <see cref="Rule"/> names the check that refused, as in the audit trail.</summary>
public class GeResPermissionException(string message, GeResErrorInfo? info = null) : GeResException(message, info)
{
    /// <summary>The check that refused.</summary>
    public string? Rule => Problem?.Rule;
}
/// <summary><c>forbidden-by-profile</c>: your profile does not allow this request.</summary>
public class ForbiddenByProfileException(string message, GeResErrorInfo? info = null) : GeResPermissionException(message, info);
/// <summary><c>comune-not-agreed</c>: your ente has no active convenzione with this Comune.</summary>
public class ComuneNotAgreedException(string message, GeResErrorInfo? info = null) : GeResPermissionException(message, info);
/// <summary><c>workstation-not-authorised</c>: this workstation is not authorised.</summary>
public class WorkstationNotAuthorisedException(string message, GeResErrorInfo? info = null) : GeResPermissionException(message, info);

/// <summary>404.</summary>
public class NotFoundException(string message, GeResErrorInfo? info = null) : GeResException(message, info);
/// <summary><c>subject-not-found</c>: ANPR has no subject matching the criteria.</summary>
public class SubjectNotFoundException(string message, GeResErrorInfo? info = null) : NotFoundException(message, info);
/// <summary><c>more-than-one-subject</c>: the criteria match more than one subject; refine them (birth date, birth place).</summary>
public class MoreThanOneSubjectException(string message, GeResErrorInfo? info = null) : GeResException(message, info);

/// <summary>409.</summary>
public class ConflictException(string message, GeResErrorInfo? info = null) : GeResException(message, info);
/// <summary><c>idempotency-key-reused</c>: the Idempotency-Key was already used with a different request body.</summary>
public class IdempotencyKeyReusedException(string message, GeResErrorInfo? info = null) : GeResException(message, info);

/// <summary>429. <see cref="RetryAfterSeconds"/> says when trying again makes sense.</summary>
public class RateLimitedException(string message, GeResErrorInfo? info = null) : GeResException(message, info)
{
    /// <summary>From the problem, or from the <c>Retry-After</c> header.</summary>
    public double? RetryAfterSeconds => ProblemMapper.RetryAfterSeconds(this);
}
/// <summary><c>quota-exceeded</c>: the daily quota of lookups is used up (until midnight, Italian time).</summary>
public class QuotaExceededException(string message, GeResErrorInfo? info = null) : RateLimitedException(message, info);

/// <summary>5xx.</summary>
public class GeResServerException(string message, GeResErrorInfo? info = null) : GeResException(message, info)
{
    /// <summary>From the problem, or from the <c>Retry-After</c> header.</summary>
    public double? RetryAfterSeconds => ProblemMapper.RetryAfterSeconds(this);
}
/// <summary><c>anpr-unavailable</c>: ANPR is unavailable or did not answer in time.</summary>
public class AnprUnavailableException(string message, GeResErrorInfo? info = null) : GeResServerException(message, info);
/// <summary><c>anpr-rejected</c>: ANPR refused the request of this gateway.</summary>
public class AnprRejectedException(string message, GeResErrorInfo? info = null) : GeResServerException(message, info);

/// <summary>The gateway could not be reached, or the connection failed before an answer arrived.</summary>
public class GeResConnectionException(string message, GeResErrorInfo? info = null, Exception? innerException = null) : GeResException(message, info, innerException);
/// <summary>No answer within the timeout. The gateway may still complete the request; it is not retried.</summary>
public class GeResTimeoutException(string message, GeResErrorInfo? info = null, Exception? innerException = null) : GeResConnectionException(message, info, innerException);
