// Looks a person up in the sandbox as an integrated application would.
//
//   npm start                                          # in the repository root, in another terminal
//   dotnet run --project dotnet-client/examples/Lookup [codiceFiscale]
//
// Reads .sandbox/credentials.json (written by `npm start`) from the current directory, or the file
// named by GERES_CREDENTIALS; GERES_URL overrides the gateway's address.
using System.Text.Json;
using GeRes.Client;
using GeRes.Client.Generated;

var path = Environment.GetEnvironmentVariable("GERES_CREDENTIALS") ?? ".sandbox/credentials.json";
using var credentials = JsonDocument.Parse(File.ReadAllText(path));
var app = credentials.RootElement.GetProperty("application");
var workstation = credentials.RootElement.GetProperty("workstation");

using var geres = new GeResClient(new GeResClientOptions
{
    BaseUrl = new Uri(Environment.GetEnvironmentVariable("GERES_URL") ?? credentials.RootElement.GetProperty("gatewayUrl").GetString()!),
    Credentials = GeResCredentials.ClientCredentials(app.GetProperty("clientId").GetString()!, app.GetProperty("clientSecret").GetString()!),
    Operator = app.GetProperty("operator").GetString(),          // the person the application acts for
    Workstation = new WorkstationContext(workstation.GetProperty("code").GetString()!, workstation.GetProperty("deviceToken").GetString()),
    UserAgentSuffix = "geres-example/1",
});

// NERI CLAUDIO, resident of the demo Comune (test-env/SANDBOX-CATALOGUE.md, `demo-resident`).
var codiceFiscale = args.Length > 0 ? args[0] : "NRECLD70B17A662M";

try
{
    string? requestId = null;
    var result = await geres.Persons.SearchAsync(new SearchPersonsDto
    {
        Criterion = new CriterionDto { Type = CriterionDtoType.CodiceFiscale, CodiceFiscale = codiceFiscale },
        Sections = [LookupSection.Generalita, LookupSection.Residenza],
        Comune = "072006",                                       // the sandbox's demo Comune (Bari)
        MotivoRichiesta = "SDK quick start",                     // case or protocol number: required
    }, new GeResCallOptions { OnResponse = info => requestId = info.RequestId });

    Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"request id {requestId}");
}
catch (GeResException e)
{
    Console.Error.WriteLine($"{e.GetType().Name}: {e.Message}");
    if (e.Problem is not null) Console.Error.WriteLine(e.Problem.Raw.GetRawText());
    return 1;
}
return 0;
