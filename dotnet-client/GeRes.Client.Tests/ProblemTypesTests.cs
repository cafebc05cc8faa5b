using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GeRes.Client.Tests;

/// <summary>
/// Every problem type the gateway declares (apps/gateway/src/common/problem.ts) has its class in this
/// SDK, the one parity/problem-types.json names for all three SDKs.
/// </summary>
public class ProblemTypesTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "apps/gateway/src/common/problem.ts"))) return dir.FullName;
        throw new InvalidOperationException($"apps/gateway/src/common/problem.ts not found above {AppContext.BaseDirectory}");
    }

    /// <summary>Type name and HTTP status, as declared in problem.ts (read as text).</summary>
    private static List<(string Name, int Status)> DeclaredTypes()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "apps/gateway/src/common/problem.ts"));
        var table = Regex.Match(source, @"PROBLEM_TYPES = \{([\s\S]*?)\n\} as const");
        Assert.True(table.Success, "PROBLEM_TYPES not found in problem.ts");
        return Regex.Matches(table.Groups[1].Value, @"^\s*'?([a-z][a-z-]*)'?: \{ status: (\d{3})", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value))).ToList();
    }

    [Fact]
    public void Every_declared_type_maps_to_the_shared_class()
    {
        var declared = DeclaredTypes();
        // 32 when this test was written: fewer means the file's shape changed and the reading broke.
        Assert.True(declared.Count >= 32, $"read {declared.Count} problem types");
        using var contract = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "parity/problem-types.json")));
        var types = contract.RootElement.GetProperty("types");
        var wrong = new List<string>();
        foreach (var (name, status) in declared)
        {
            if (!types.TryGetProperty(name, out var expected))
            {
                wrong.Add($"{name}: not in parity/problem-types.json");
                continue;
            }
            if (!ProblemMapper.KnowsProblemType(name)) wrong.Add($"{name}: no class of its own in this SDK");
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = GeResException.ProblemTypePrefix + name, title = name, status }));
            var e = ProblemMapper.FromResponse(status, body, new Dictionary<string, IEnumerable<string>>(), "r-1", null, 1);
            var got = ParityTests.ErrorName(e.GetType());
            if (got != expected.GetString()) wrong.Add($"{name}: {got}, the table says {expected.GetString()}");
            Assert.Equal(name, e.ProblemName);
        }
        Assert.Empty(wrong);
    }
}
