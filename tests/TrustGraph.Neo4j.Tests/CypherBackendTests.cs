using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Model;
using TrustGraph.Neo4j;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// The Cypher twins return facts; <see cref="CypherBackend"/> words them with the embedded analyses' own functions.
/// Here the fake Query API answers each twin with the rows the twin returns for findings of the twin fixture
/// (tests/fixtures/neo4j-twins), and each composed finding must equal, field for field (JSON), the embedded finding.
/// Whether the twins return these rows is for the integration test against a real Neo4j.
/// </summary>
public sealed class CypherBackendTests : IAsyncLifetime
{
    private FakeQueryApi _server = null!;
    private readonly Dataset _dataset = TestData.Load("tests/fixtures/neo4j-twins");

    public async Task InitializeAsync() => _server = await FakeQueryApi.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly string[] Fields =
        ["authority", "arrangement", "authority_ord", "arrangement_ord", "finding", "severity", "subjects", "body_ids", "sources", "sort", "facts"];

    private static object?[] Row(string authority, string? arrangement, int authorityOrd, int? arrangementOrd, string finding, string severity,
        string[] subjects, string[] bodies, string[] sources, long[] sort, object facts) =>
        [authority, arrangement, authorityOrd, arrangementOrd, finding, severity, subjects, bodies, sources, sort, facts];

    private IReadOnlyDictionary<string, object?> Partner(PartnerCategory category) =>
        GraphProjection.Shared(_dataset, RelevantPartners.Statutory).Nodes
            .First(n => n.Label == GraphModel.RelevantPartner && (string)n.Properties["category"]! == category.ToWord())
            .Properties.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);

    private Dictionary<string, object?[][]> TwinRows()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var partshire = new Dictionary<string, object?>
        {
            ["choice_body"] = null, ["board_name"] = "Children & Young People's Strategic Partnership",
            ["part_names"] = new[] { "Partnership Advisory Body", "Joint Commissioning Board" },
            ["law_day"] = today, ["law_stated"] = null, ["authority_name"] = "Partshire",
        };
        var loopshire2009 = new Dictionary<string, object?>
        {
            ["choice_body"] = null, ["board_name"] = "Loopshire Children's Trust Board", ["part_names"] = new[] { "Advisory Panel" },
            ["law_day"] = "2009-06-01", ["law_stated"] = "2009-06", ["authority_name"] = "Loopshire",
        };
        return new()
        {
            [Checks.DuplicatedMembership] =
            [
                Row("partshire", null, 1, null, "across-bodies", "info", ["Michael Hunt", "pab", "jcb"], ["pab", "jcb"], ["tor#m1", "tor#m2"], [0, 0, 1], new
                {
                    holder = "Michael Hunt", agency = "Partshire PCT",
                    seats = new object[] { new { body_name = "Partnership Advisory Body", roles = new[] { "chair" } }, new { body_name = "Joint Commissioning Board", roles = new[] { "advisor" } } },
                    reasons = new object[] { new { kind = "advisor", body_name = "Joint Commissioning Board", advisory_name = "Partnership Advisory Body" } },
                    unexplained = new[] { "Partnership Advisory Body" },
                }),
                Row("partshire", null, 1, null, "listed-twice", "warning", ["Rita Lane", "jcb", "Joint Commissioning Board"], ["jcb"], ["tor#m5", "tor#m6"], [0, 4, 0, 4], new
                {
                    holder = "Rita Lane", body_name = "Joint Commissioning Board",
                    seats = new object[] { new { role = "member", post = (string?)null }, new { role = "member", post = (string?)null } },
                }),
                Row("loopshire", "2009", 0, 0, "office-across-bodies", "warning", ["Director of Children's Services", "Loopshire Council", "board", "b", "c"], ["board", "b", "c"],
                    ["tor#m2", "tor#m9", "tor#m10"], [1, 1], new
                {
                    holder = "Director of Children's Services", agency = "Loopshire Council",
                    seats = new object[]
                    {
                        new { body_name = "Loopshire Children's Trust Board", roles = new[] { "member" } },
                        new { body_name = "Group B", roles = new[] { "member" } },
                        new { body_name = "Group C", roles = new[] { "chair" } },
                    },
                    reasons = new object[] { new { kind = "chair-link", body_name = "Loopshire Children's Trust Board", chaired_name = "Group C", line_kind = "observes" } },
                    unexplained = new[] { "Group B", "Group C" },
                }),
            ],
            [Checks.MissingRelevantPartner] =
            [
                Row("partshire", null, 1, null, "vacant", "warning", ["cypsp", "Children & Young People's Strategic Partnership", "probation", "Local probation board (or probation services provider)"],
                    ["cypsp"], ["tor#2", "tor#m7"], [1, 2], new Dictionary<string, object?>(partshire)
                    {
                        ["partner"] = Partner(PartnerCategory.Probation), ["seat_labels"] = new[] { "Probation rep" }, ["has_seat"] = true,
                    }),
                Row("partshire", null, 1, null, "absent", "error", ["cypsp", "Children & Young People's Strategic Partnership", "strategic-health-authority", "Strategic Health Authority"],
                    ["cypsp"], ["tor#2"], [1, 4], new Dictionary<string, object?>(partshire)
                    {
                        ["partner"] = Partner(PartnerCategory.StrategicHealthAuthority), ["seat_labels"] = Array.Empty<string>(), ["has_seat"] = false,
                    }),
                Row("loopshire", "2009", 0, 0, "tier-unknown", "info", ["board", "Loopshire Children's Trust Board", "district-council", "District council (two-tier areas)"],
                    ["board"], ["tor#2"], [1, 0], new Dictionary<string, object?>(loopshire2009)
                    {
                        ["partner"] = Partner(PartnerCategory.DistrictCouncil), ["seat_labels"] = new[] { "District rep" }, ["has_seat"] = true,
                    }),
                Row("loopshire", "2009", 0, 0, "not-yet-in-force", "info", ["board", "Loopshire Children's Trust Board", "maintained-school", "Governing bodies of maintained schools"],
                    ["board"], ["tor#2", "tor#m6"], [1, 9], new Dictionary<string, object?>(loopshire2009)
                    {
                        ["partner"] = Partner(PartnerCategory.MaintainedSchool), ["seat_labels"] = new[] { "School governor" }, ["has_seat"] = true,
                    }),
                Row("emptyshire", "current", 3, 0, "no-board", "info", ["emptyshire", "Emptyshire"], [], ["tor#1"], [-1], new { authority_name = "Emptyshire" }),
            ],
            [Checks.AccountabilityCycle] =
            [
                Row("loopshire", "2009", 0, 0, "cycle", "error", ["a", "b", "c", "d", "Group A", "Group B", "Group C", "Group D"], ["a", "b", "c", "d"], ["tor#l1", "tor#l4"], [1, 2, 0], new
                {
                    names_along_cycle = new[] { "Group A", "Group B", "Group A" },
                    member_names = new[] { "Group A", "Group B", "Group C", "Group D" },
                    bodies_in_loop = 4,
                }),
                Row("loopshire", "2009", 0, 0, "self-loop", "error", ["self", "Self Group"], ["self"], ["tor#l8"], [0, 6, 7], new { body_name = "Self Group", kind = "accountable-to" }),
            ],
            [Checks.LspReportingGap] =
            [
                Row("partshire", null, 1, null, "gap", "warning", ["orphan", "Orphan Group"], ["orphan"], ["tor#7", "tor#l3", "tor#l4"], [6], new
                {
                    body_name = "Orphan Group", lsp_names = new[] { "Partshire Strategic Partnership" }, answers_to = Array.Empty<string>(),
                    other_lines = new object[] { new { kind = "advises", target = "Feeder Group" }, new { kind = "observes", target = "Joint Commissioning Board" } },
                }),
                Row("partshire", null, 1, null, "gap", "warning", ["feeder", "Feeder Group"], ["feeder"], ["tor#6", "tor#l2"], [5], new
                {
                    body_name = "Feeder Group", lsp_names = new[] { "Partshire Strategic Partnership" }, answers_to = new[] { "Partnership Advisory Body" },
                    other_lines = Array.Empty<object>(),
                }),
                Row("emptyshire", "current", 3, 0, "no-lsp", "error", ["emptyshire", "Emptyshire"], ["hub"], ["tor#1"], [0], new { authority_name = "Emptyshire", body_count = 1 }),
            ],
        };
    }

    private async Task<IReadOnlyList<Finding>> RunBackend()
    {
        var rows = TwinRows();
        _server.Answer = r => r.IsImplicit ? FakeAnswer.Rows(Fields, rows[CypherTwins.All.First(t => t.Statement == r.Statement).Check]) : null;
        using var client = new QueryApiClient(_server.Options());
        return await new CypherBackend(client, new TransientRetry(_server.Options())).RunAsync("partshire", null);
    }

    [Fact]
    public async Task Each_twin_runs_once_with_the_scope_in_parameters()
    {
        await RunBackend();
        Assert.Equal(CypherTwins.All.Select(t => t.Statement), _server.Requests.Select(r => r.Statement));
        Assert.All(_server.Requests, r => Assert.Equal("partshire", r.Parameters!["authority"]!.GetValue<string>()));
        Assert.All(_server.Requests, r => Assert.Null(r.Parameters!["arrangement"]));
    }

    [Fact]
    public async Task Composed_findings_read_exactly_as_the_embedded_analyses_write_them()
    {
        var composed = await RunBackend();
        var embedded = Analysis.Run(_dataset);
        Assert.Equal(13, composed.Count);
        foreach (var finding in composed)
        {
            var twin = embedded.Where(e => e.Authority == finding.Authority && e.Arrangement == finding.Arrangement && e.Check == finding.Check
                && e.Subjects.SequenceEqual(finding.Subjects)).ToList();
            Assert.True(twin.Count == 1, $"no single embedded finding for {finding.Check} {string.Join("/", finding.Subjects)}");
            Assert.Equal(FindingsJson.Write(twin), FindingsJson.Write([finding]));
        }
    }

    [Fact]
    public async Task Findings_come_out_in_the_embedded_order()
    {
        var composed = await RunBackend();
        var embedded = Analysis.Run(_dataset).ToList();
        var positions = composed.Select(f => embedded.FindIndex(e => e.Check == f.Check && e.Authority == f.Authority
            && e.Arrangement == f.Arrangement && e.Subjects.SequenceEqual(f.Subjects))).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }
}
