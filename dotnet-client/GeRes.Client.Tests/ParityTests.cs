using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeRes.Client.Generated;

namespace GeRes.Client.Tests;

/// <summary>
/// A fact that runs only when GERES_PARITY_PLAN names a parity plan, and is reported as skipped,
/// with the reason, otherwise.
/// </summary>
public sealed class ParityFactAttribute : FactAttribute
{
    public ParityFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GERES_PARITY_PLAN")))
            Skip = "GERES_PARITY_PLAN is not set: the parity suite is driven by test-env/src/bin/parity.ts (npm run test:parity -- --sdk dotnet), which writes the plan and reads GERES_PARITY_OUT; see parity/README.md";
    }
}

/// <summary>
/// The .NET runner of the SDK parity suite (parity/README.md, parity/scenarios.json). It is driven by
/// the harness, test-env/src/bin/parity.ts, which writes a plan (GERES_PARITY_PLAN), starts
/// <c>dotnet test … --filter FullyQualifiedName~ParityTests</c>, and reads back the outcomes
/// (GERES_PARITY_OUT). Each step goes through the SDK's own types and facade (<c>Persons.SearchAsync</c>,
/// <c>Persons.GetAsync</c>) on ONE client built from <c>plan.client</c> with the default retry
/// policy and timeout. The test fails only when the runner cannot run (bad plan, simulator not
/// answering, output not written): comparing outcomes with the table is the harness's job.
/// </summary>
public class ParityTests
{
    private const string Sdk = "dotnet";

    [ParityFact]
    public async Task Runs_the_parity_plan()
    {
        var planPath = Environment.GetEnvironmentVariable("GERES_PARITY_PLAN")!;
        var outPath = Environment.GetEnvironmentVariable("GERES_PARITY_OUT");
        if (string.IsNullOrEmpty(outPath)) throw new InvalidOperationException("GERES_PARITY_OUT is not set: the runner needs a file to write its outcomes to");

        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(planPath));
        var plan = doc.RootElement;
        var simulatorUrl = Required(plan, "simulatorUrl").GetString()!.TrimEnd('/');

        using var geres = CreateClient(plan);
        using var unreachable = CreateUnreachableClient(plan);
        using var simulator = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var results = new JsonArray();
        foreach (var scenario in Required(plan, "scenarios").EnumerateArray())
        {
            var id = Required(scenario, "id").GetString()!;
            var steps = new JsonArray();
            var n = 0;
            foreach (var step in Required(scenario, "steps").EnumerateArray())
            {
                n++;
                try
                {
                    var target = Optional(step, "target")?.GetString();
                    var client = target switch
                    {
                        null => geres,
                        "unreachable" => unreachable,
                        _ => throw new PlanException($"unknown target '{target}'"),
                    };
                    steps.Add(await RunStepAsync(client, simulator, simulatorUrl, step));
                }
                catch (PlanException e)
                {
                    throw new InvalidOperationException($"scenario {id}, step {n}: {e.Message}", e);
                }
            }
            results.Add(new JsonObject { ["id"] = id, ["steps"] = steps });
        }

        var outcomes = new JsonObject { ["sdk"] = Sdk, ["results"] = results };
        await File.WriteAllTextAsync(outPath, outcomes.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", new UTF8Encoding(false));
        Assert.True(File.Exists(outPath), $"the outcomes were not written to {outPath}");
    }

    private static GeResClient CreateClient(JsonElement plan)
    {
        var client = Required(plan, "client");
        var ws = Optional(client, "workstation");
        return new GeResClient(new GeResClientOptions
        {
            BaseUrl = new Uri(Required(plan, "baseUrl").GetString()!),
            Credentials = GeResCredentials.ClientCredentials(Required(client, "clientId").GetString()!, Required(client, "clientSecret").GetString()!),
            Operator = Optional(client, "operator")?.GetString(),
            Workstation = ws is { } w ? new WorkstationContext(Required(w, "code").GetString()!, Optional(w, "deviceToken")?.GetString()) : null,
            UserAgentSuffix = "geres-dotnet-parity",
            // Timeout and Retry: the SDK's defaults, as the contract asks.
        });
    }

    /// <summary>A client of the address where nothing listens, with a fixed token so that no token request comes first.</summary>
    private static GeResClient CreateUnreachableClient(JsonElement plan)
    {
        var client = Required(plan, "client");
        var ws = Optional(client, "workstation");
        return new GeResClient(new GeResClientOptions
        {
            BaseUrl = new Uri(Required(plan, "unreachableUrl").GetString()!),
            Credentials = GeResCredentials.AccessToken("parity-unreachable"),
            Operator = Optional(client, "operator")?.GetString(),
            Workstation = ws is { } w ? new WorkstationContext(Required(w, "code").GetString()!, Optional(w, "deviceToken")?.GetString()) : null,
            UserAgentSuffix = "geres-dotnet-parity",
        });
    }

    private static async Task<JsonObject> RunStepAsync(GeResClient geres, HttpClient simulator, string simulatorUrl, JsonElement step)
    {
        GeResResponseInfo? info = null;
        var options = CallOptions(Optional(step, "options"), i => info = i);
        var call = Required(step, "call").GetString();
        // The request is built before arming, so a bad step never leaves a fault armed.
        Func<Task<PersonSearchResult>> send = call switch
        {
            "searchPersons" => SearchCall(geres, Required(step, "body"), options),
            "getPerson" => GetCall(geres, Required(step, "identifier").GetString()!, Required(step, "query"), options),
            _ => throw new PlanException($"unknown call '{call}'"),
        };

        var arm = Optional(step, "arm");
        if (arm is { } a) await ArmAsync(simulator, simulatorUrl, a);
        try
        {
            var result = await send();
            return Ok(result, info);
        }
        catch (Exception e) when (e is not PlanException)
        {
            return Error(e);
        }
        finally
        {
            if (arm is not null) await DisarmAsync(simulator, simulatorUrl);
        }
    }

    private static Func<Task<PersonSearchResult>> SearchCall(GeResClient geres, JsonElement body, GeResCallOptions options)
    {
        SearchPersonsDto dto;
        try
        {
            // The wire JSON into the generated type, through its own System.Text.Json attributes and converters.
            dto = body.Deserialize<SearchPersonsDto>() ?? throw new PlanException("body is null");
        }
        catch (JsonException e)
        {
            throw new PlanException($"body is not a SearchPersonsDto: {e.Message}");
        }
        return () => geres.Persons.SearchAsync(dto, options);
    }

    private static Func<Task<PersonSearchResult>> GetCall(GeResClient geres, string identifier, JsonElement query, GeResCallOptions options)
    {
        List<LookupSection> sections;
        DateOnly? asOf;
        try
        {
            sections = Required(query, "sections").Deserialize<List<LookupSection>>() ?? [];
            asOf = Optional(query, "asOf")?.Deserialize<DateOnly?>();
        }
        catch (JsonException e)
        {
            throw new PlanException($"query is not valid: {e.Message}");
        }
        var comune = Required(query, "comune").GetString()!;
        var motivo = Required(query, "motivoRichiesta").GetString()!;
        return () => geres.Persons.GetAsync(identifier, comune, sections, motivo, asOf, options);
    }

    private static GeResCallOptions CallOptions(JsonElement? options, Action<GeResResponseInfo> onResponse)
    {
        if (options is not { } o) return new GeResCallOptions { OnResponse = onResponse };
        return new GeResCallOptions
        {
            Operator = Optional(o, "operator")?.GetString(),
            IdempotencyKey = Optional(o, "idempotencyKey")?.GetString(),
            Timeout = Optional(o, "timeoutMs") is { } t ? TimeSpan.FromMilliseconds(t.GetDouble()) : null,
            MaxRetries = Optional(o, "maxRetries")?.GetInt32(),
            OnResponse = onResponse,
        };
    }

    private static async Task ArmAsync(HttpClient simulator, string simulatorUrl, JsonElement arm)
    {
        using var content = new StringContent(arm.GetRawText(), Encoding.UTF8, "application/json");
        using var response = await simulator.PostAsync($"{simulatorUrl}/faults", content);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new PlanException($"arming {arm.GetRawText()} at {simulatorUrl}/faults answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task DisarmAsync(HttpClient simulator, string simulatorUrl)
    {
        using var response = await simulator.DeleteAsync($"{simulatorUrl}/faults");
        if (!response.IsSuccessStatusCode)
            throw new PlanException($"disarming at {simulatorUrl}/faults answered {(int)response.StatusCode}");
    }

    private static JsonObject Ok(PersonSearchResult result, GeResResponseInfo? info)
    {
        var persons = new JsonArray();
        foreach (var p in result.Persons) persons.Add(p.IdANPR);
        return new JsonObject
        {
            ["outcome"] = "ok",
            ["status"] = info?.Status,
            ["persons"] = persons,
            ["attempts"] = info?.Attempts,
            ["idempotentReplayed"] = info?.IdempotentReplayed,
        };
    }

    private static JsonObject Error(Exception e)
    {
        var fields = new JsonArray();
        int? status = null;
        string? type = null, rule = null;
        var retryAfter = false;
        int? attempts = null;
        switch (e)
        {
            case GeResException g:
                status = g.Status;
                type = g.Type;
                rule = g.Problem?.Rule;
                foreach (var f in g.Problem?.Errors ?? []) fields.Add(f.Field);
                retryAfter = g switch
                {
                    RateLimitedException r => r.RetryAfterSeconds > 0,
                    GeResServerException s => s.RetryAfterSeconds > 0,
                    _ => false,
                };
                attempts = g.Attempts;
                break;
            case GeResApiException api:
                // The generated layer's own exception (an answer it did not expect): no attempts known.
                status = api.StatusCode;
                break;
        }
        return new JsonObject
        {
            ["outcome"] = "error",
            ["error"] = ErrorName(e.GetType()),
            ["status"] = status,
            ["type"] = type,
            ["rule"] = rule,
            ["fields"] = fields,
            ["retryAfter"] = retryAfter,
            ["attempts"] = attempts,
        };
    }

    /// <summary><c>SubjectNotFoundException</c> → <c>SubjectNotFound</c>, <c>GeResTimeoutException</c> → <c>Timeout</c>.</summary>
    internal static string ErrorName(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0) name = name[..tick];
        if (name.EndsWith("Exception", StringComparison.Ordinal)) name = name[..^"Exception".Length];
        if (name.StartsWith("GeRes", StringComparison.Ordinal) && name.Length > "GeRes".Length) name = name["GeRes".Length..];
        return name;
    }

    private static JsonElement Required(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v
            : throw new PlanException($"'{name}' is missing from {Truncate(e.GetRawText())}");

    private static JsonElement? Optional(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "…";

    /// <summary>The plan (or the simulator it names) does not let the runner run: the test fails.</summary>
    private sealed class PlanException(string message) : Exception(message);

    [Fact]
    public void Error_names_drop_the_GeRes_prefix_and_the_Exception_suffix()
    {
        Assert.Equal("SubjectNotFound", ErrorName(typeof(SubjectNotFoundException)));
        Assert.Equal("Timeout", ErrorName(typeof(GeResTimeoutException)));
        Assert.Equal("Validation", ErrorName(typeof(GeResValidationException)));
        Assert.Equal("Api", ErrorName(typeof(GeResApiException<Problem>)));
        Assert.Equal("GeRes", ErrorName(typeof(GeResException)));
    }
}
