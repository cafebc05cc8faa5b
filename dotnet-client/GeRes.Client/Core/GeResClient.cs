using System.Net.Http.Json;
using System.Text.Json;
using GeRes.Client.Core;
using GeRes.Client.Generated;

namespace GeRes.Client;

/// <summary>
/// The GeRes client. <see cref="Persons"/> and <see cref="Me"/> cover the lookup API; <see cref="Api"/>
/// holds every generated service (<c>client.Api.Users.ListUsersAsync(...)</c>), all sent through the
/// same pipeline: authentication, context headers, retries, idempotency keys, timeouts, request ids
/// and typed exceptions. Thread-safe; create one per gateway and reuse it.
/// </summary>
public sealed class GeResClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly GeResCallOptions? _defaults;

    /// <summary>A client with its own <see cref="HttpClient"/> and handler pipeline.</summary>
    public GeResClient(GeResClientOptions options)
        : this(CreateHttpClient(new GeResPipeline(options ?? throw new ArgumentNullException(nameof(options)))), owns: true, defaults: null)
    {
    }

    /// <summary>
    /// A client over an <see cref="HttpClient"/> that already carries the GeRes handlers (what
    /// <c>services.AddGeResClient(...)</c> builds).
    /// </summary>
    internal GeResClient(HttpClient http, bool owns, GeResCallOptions? defaults)
    {
        _http = http;
        _ownsHttp = owns;
        _defaults = defaults;
        Api = new GeResApi(http, defaults);
        Persons = new PersonsApi(this);
        Me = new MeApi(this);
    }

    /// <summary>Every operation of the API, generated from the OpenAPI document.</summary>
    public GeResApi Api { get; }

    /// <summary>The lookup API.</summary>
    public PersonsApi Persons { get; }

    /// <summary>The caller's own data.</summary>
    public MeApi Me { get; }

    /// <summary>The same client with other defaults for the calls made through it (operator, timeout, request id…).</summary>
    public GeResClient WithOptions(GeResCallOptions options) => new(_http, owns: false, options.Over(_defaults));

    internal GeResClient Scoped(GeResCallOptions? options) => options is null ? this : WithOptions(options);

    /// <summary>
    /// Any endpoint, for what the generated layer does not cover yet. <paramref name="path"/> is
    /// relative to the base URL (<c>v1/something-new</c>); the answer is deserialised as
    /// <typeparamref name="T"/> (use <see cref="JsonElement"/> for anything).
    /// </summary>
    public async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body = null, GeResCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        var call = options?.Over(_defaults) ?? _defaults;
        if (call is not null) request.Options.Set(GeResRequestState.CallOptionsKey, call);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: JsonBodies.Options);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return bytes.Length == 0 ? default : JsonSerializer.Deserialize<T>(bytes, JsonBodies.Options);
    }

    /// <summary>Disposes the <see cref="HttpClient"/> the client created (not one given by the DI container).</summary>
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }

    private static HttpClient CreateHttpClient(GeResPipeline pipeline)
    {
        HttpMessageHandler handler = pipeline.Options.PrimaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var handlers = pipeline.CreateHandlers();
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = handler;
            handler = handlers[i];
        }
        // Timeouts are per attempt, in the pipeline: HttpClient's own would cover all the retries.
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = pipeline.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The lookup API (<c>/v1/persons</c>).</summary>
    public sealed class PersonsApi
    {
        private readonly GeResClient _client;
        internal PersonsApi(GeResClient client) => _client = client;

        /// <summary>Searches ANPR by one criterion (<c>POST /v1/persons/search</c>). Sent with an Idempotency-Key.</summary>
        public Task<PersonSearchResult> SearchAsync(SearchPersonsDto query, GeResCallOptions? options = null, CancellationToken cancellationToken = default) =>
            _client.Scoped(options).Api.Persons.SearchPersonsAsync(query, cancellationToken);

        /// <summary>One person by codice fiscale or idANPR (<c>GET /v1/persons/{identifier}</c>).</summary>
        /// <param name="identifier">Codice fiscale (16 characters) or idANPR (9).</param>
        /// <param name="comune">ISTAT code of the Comune the request concerns, e.g. <c>072006</c>.</param>
        /// <param name="sections">The sections wanted.</param>
        /// <param name="motivoRichiesta">Case or protocol number.</param>
        /// <param name="asOf">As-of date.</param>
        /// <param name="options">Options for this call.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        public Task<PersonSearchResult> GetAsync(string identifier, string comune, IEnumerable<LookupSection> sections, string motivoRichiesta, DateOnly? asOf = null, GeResCallOptions? options = null, CancellationToken cancellationToken = default) =>
            _client.Scoped(options).Api.Persons.GetPersonAsync(identifier, comune, string.Join(",", sections.Select(GeResEnumConverter<LookupSection>.Wire)), motivoRichiesta, asOf, cancellationToken);
    }

    /// <summary>The caller's own data (<c>/v1/me</c>).</summary>
    public sealed class MeApi
    {
        private readonly GeResClient _client;
        internal MeApi(GeResClient client) => _client = client;

        /// <summary>Your lookups today against your daily quota (<c>GET /v1/me/usage</c>).</summary>
        public Task<Usage> UsageAsync(GeResCallOptions? options = null, CancellationToken cancellationToken = default) =>
            _client.Scoped(options).Api.Me.GetMyUsageAsync(cancellationToken);
    }
}
