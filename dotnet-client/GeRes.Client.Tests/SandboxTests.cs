using System.Text.Json;
using GeRes.Client.Generated;

namespace GeRes.Client.Tests;

/// <summary>
/// A fact that runs against a running sandbox (<c>npm start</c>) only when GERES_SANDBOX_URL is set,
/// and is reported as skipped, with the reason, otherwise.
/// </summary>
public sealed class SandboxFactAttribute : FactAttribute
{
    public SandboxFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GERES_SANDBOX_URL")))
            Skip = "GERES_SANDBOX_URL is not set: start the sandbox (npm start) and set GERES_SANDBOX_URL (and GERES_CREDENTIALS if .sandbox/credentials.json is not in the repository root)";
    }
}

public class SandboxTests
{
    private static GeResClient Client()
    {
        var path = Environment.GetEnvironmentVariable("GERES_CREDENTIALS") ?? FindCredentials();
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var app = doc.RootElement.GetProperty("application");
        var ws = doc.RootElement.GetProperty("workstation");
        return new GeResClient(new GeResClientOptions
        {
            BaseUrl = new Uri(Environment.GetEnvironmentVariable("GERES_SANDBOX_URL")!),
            Credentials = GeResCredentials.ClientCredentials(app.GetProperty("clientId").GetString()!, app.GetProperty("clientSecret").GetString()!),
            Operator = app.GetProperty("operator").GetString(),
            Workstation = new WorkstationContext(ws.GetProperty("code").GetString()!, ws.GetProperty("deviceToken").GetString()),
            UserAgentSuffix = "geres-dotnet-integration",
        });
    }

    private static string FindCredentials()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".sandbox", "credentials.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(".sandbox/credentials.json not found above the test folder: set GERES_CREDENTIALS");
    }

    private static SearchPersonsDto ByCodiceFiscale(string cf) => new()
    {
        Criterion = new CriterionDto { Type = CriterionDtoType.CodiceFiscale, CodiceFiscale = cf },
        Sections = [LookupSection.Generalita, LookupSection.Residenza],
        Comune = "072006",
        MotivoRichiesta = "dotnet SDK integration test",
    };

    [SandboxFact]
    public async Task Finds_the_demo_resident()
    {
        using var geres = Client();
        var result = await geres.Persons.SearchAsync(ByCodiceFiscale("NRECLD70B17A662M"));
        // test-env/SANDBOX-CATALOGUE.md: demo-resident.
        var person = Assert.Single(result.Persons);
        Assert.Equal("SZ82865K3", person.IdANPR);
        Assert.Equal("NERI", person.Generalita!.Cognome);
        Assert.Equal("CLAUDIO", person.Generalita.Nome);
        Assert.Equal("072006", result.Comune);
    }

    [SandboxFact]
    public async Task Nobody_is_SubjectNotFound_with_a_request_id()
    {
        using var geres = Client();
        var e = await Assert.ThrowsAsync<SubjectNotFoundException>(() => geres.Persons.SearchAsync(ByCodiceFiscale("NSSTVT70A01A662M")));
        Assert.False(string.IsNullOrEmpty(e.RequestId));
    }

    [SandboxFact]
    public async Task The_same_idempotency_key_is_replayed()
    {
        using var geres = Client();
        var key = Guid.NewGuid().ToString();
        var infos = new List<GeResResponseInfo>();
        var options = new GeResCallOptions { IdempotencyKey = key, OnResponse = infos.Add };
        await geres.Persons.SearchAsync(ByCodiceFiscale("NRECLD70B17A662M"), options);
        await geres.Persons.SearchAsync(ByCodiceFiscale("NRECLD70B17A662M"), options);
        Assert.False(infos[0].IdempotentReplayed);
        Assert.True(infos[1].IdempotentReplayed);
    }

    [SandboxFact]
    public async Task Usage_counts_each_lookup_against_the_demo_profile()
    {
        using var geres = Client();
        var before = await geres.Me.UsageAsync();
        await geres.Persons.SearchAsync(ByCodiceFiscale("NRECLD70B17A662M"));
        var after = await geres.Me.UsageAsync();
        // The sandbox's demo application acts for operatore.consorzio, whose profile allows 500 lookups a day
        // (apps/gateway/src/sandbox/seed.ts).
        Assert.Equal(500, after.DailyQuota);
        Assert.Equal(before.Used + 1, after.Used);
        Assert.Equal(after.DailyQuota - after.Used, after.Remaining);
        Assert.Equal(before.Day, after.Day);
        Assert.InRange(after.ResetsInSeconds, 1, 25 * 3600);
    }
}
