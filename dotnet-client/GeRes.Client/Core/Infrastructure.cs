using System.Diagnostics;
using System.Reflection;
using System.Runtime.Serialization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using GeRes.Client.Generated;

namespace GeRes.Client
{
    /// <summary>Request ids, idempotency keys and W3C trace context.</summary>
    internal static partial class Ids
    {
        public static string NewUuid() => Guid.NewGuid().ToString();

        [GeneratedRegex("^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")]
        private static partial Regex TraceparentPattern();

        /// <summary>True for a <c>traceparent</c> the gateway accepts (not version ff, non-zero ids).</summary>
        public static bool IsValidTraceparent(string value)
        {
            var m = TraceparentPattern().Match(value);
            return m.Success && m.Groups[1].Value != "ff" && m.Groups[2].Value.Any(c => c != '0') && m.Groups[3].Value.Any(c => c != '0');
        }

        /// <summary>The current Activity's context when there is one (W3C format), otherwise a new sampled trace.</summary>
        public static string NewTraceparent()
        {
            if (Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } && IsValidTraceparent(id)) return id;
            Span<byte> trace = stackalloc byte[16];
            Span<byte> parent = stackalloc byte[8];
            RandomNumberGenerator.Fill(trace);
            RandomNumberGenerator.Fill(parent);
            trace[15] |= 1; // never all zeros
            parent[7] |= 1;
            return $"00-{Convert.ToHexString(trace).ToLowerInvariant()}-{Convert.ToHexString(parent).ToLowerInvariant()}-01";
        }

        public static string UserAgent(string? suffix)
        {
            var version = typeof(Ids).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+');
            if (plus >= 0) version = version[..plus];
            return $"geres-sdk-dotnet/{version} dotnet/{Environment.Version}{(string.IsNullOrWhiteSpace(suffix) ? "" : " " + suffix)}";
        }
    }

    /// <summary>What the handlers share about one logical call; kept in <see cref="HttpRequestMessage.Options"/>.</summary>
    internal sealed class GeResRequestState
    {
        public static readonly HttpRequestOptionsKey<GeResRequestState> Key = new("GeRes.State");
        public static readonly HttpRequestOptionsKey<GeResCallOptions> CallOptionsKey = new("GeRes.CallOptions");

        public GeResCallOptions Call { get; set; } = new();
        public string RequestId { get; set; } = "";
        public string Traceparent { get; set; } = "";
        public string? IdempotencyKey { get; set; }
        public int Attempts { get; set; }
        /// <summary>Token requests: no Authorization header.</summary>
        public bool Anonymous { get; set; }
        /// <summary>No operator and workstation headers.</summary>
        public bool NoContext { get; set; }
        /// <summary>Safe to send again whatever its method (the token requests); see <see cref="RetryRule"/>.</summary>
        public bool Repeatable { get; set; }

        public static GeResRequestState For(HttpRequestMessage request)
        {
            if (request.Options.TryGetValue(Key, out var state)) return state;
            state = new GeResRequestState();
            if (request.Options.TryGetValue(CallOptionsKey, out var call)) state.Call = call;
            request.Options.Set(Key, state);
            return state;
        }

        public static IReadOnlyDictionary<string, IEnumerable<string>> Headers(HttpResponseMessage response)
        {
            var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var (k, v) in response.Headers) headers[k] = v;
            foreach (var (k, v) in response.Content.Headers) headers[k] = v;
            return headers;
        }
    }
}

namespace GeRes.Client.Core
{
    /// <summary>
    /// Serialises an enum as the string of its <see cref="EnumMemberAttribute"/> (the wire value of the
    /// OpenAPI document), which .NET 8's <see cref="JsonStringEnumConverter"/> ignores. The generated
    /// layer puts it on every enum.
    /// </summary>
    /// <typeparam name="T">The enum.</typeparam>
    public sealed class GeResEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly Dictionary<T, string> ToWire = [];
        private static readonly Dictionary<string, T> FromWire = new(StringComparer.Ordinal);

        static GeResEnumConverter()
        {
            foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var value = (T)field.GetValue(null)!;
                var wire = field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name;
                ToWire[value] = wire;
                FromWire[wire] = value;
            }
        }

        /// <summary>The wire value of <paramref name="value"/>.</summary>
        public static string Wire(T value) => ToWire.TryGetValue(value, out var s) ? s : value.ToString();

        /// <inheritdoc/>
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected a string for {typeof(T).Name}");
            var s = reader.GetString()!;
            if (FromWire.TryGetValue(s, out var value)) return value;
            if (Enum.TryParse<T>(s, ignoreCase: true, out value)) return value;
            throw new JsonException($"'{s}' is not a known {typeof(T).Name}; a newer gateway may know more values than this SDK");
        }

        /// <inheritdoc/>
        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Wire(value));
    }
}

namespace GeRes.Client.Generated
{
    /// <summary>
    /// The base class of the generated service clients (hand-written): it stamps the options of the
    /// <see cref="GeRes.Client.GeResClient"/> scope the client belongs to onto each request, for the
    /// handlers to read.
    /// </summary>
    public abstract class GeResApiBase
    {
        internal GeRes.Client.GeResCallOptions? CallOptions { get; set; }

        /// <summary>Called by the generated code for every request.</summary>
        protected Task<HttpRequestMessage> CreateHttpRequestMessageAsync(CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage();
            if (CallOptions is not null) request.Options.Set(GeRes.Client.GeResRequestState.CallOptionsKey, CallOptions);
            return Task.FromResult(request);
        }
    }
}
